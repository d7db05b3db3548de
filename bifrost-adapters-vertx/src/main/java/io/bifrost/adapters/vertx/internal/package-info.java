/**
 * Small helpers that several adapter packages share. Not part of the adapters' API: the shells and embedding
 * programs never reference these classes (style 5.3), which may change without notice.
 */
package io.bifrost.adapters.vertx.internal;
