/**
 * Configuration files: YAML text to the core's plain tree ({@link io.bifrost.adapters.vertx.config.YamlConfigParser}),
 * file loading with the procedure of [CFG-030] ({@link io.bifrost.adapters.vertx.config.ServerConfigLoader},
 * {@link io.bifrost.adapters.vertx.config.ClientConfigLoader}) and the {@code config init} templates and built-in
 * defaults ({@link io.bifrost.adapters.vertx.config.ConfigTemplates}).
 */
package io.bifrost.adapters.vertx.config;
