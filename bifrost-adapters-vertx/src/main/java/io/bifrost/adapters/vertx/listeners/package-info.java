/**
 * Binding a program's proxy listeners ({@link io.bifrost.adapters.vertx.listeners.ProxyListenerGroup}): one listener
 * verticle per event loop per listener, graceful drain, and the pieces both programs build their listeners from
 * (plans from {@code ListenerConfig}, the protocol connections, socket options). Values are never null unless a
 * method says so.
 */
package io.bifrost.adapters.vertx.listeners;
