/**
 * The client program's domain, plain Java over immutable configuration: client routing with its fallback
 * ({@link io.bifrost.core.client.ClientRouter}, [RTE-080]-[RTE-082], [RTE-093]), the upstream servers and which one
 * is active ({@link io.bifrost.core.client.ClientUpstreams}, [CAPI-040]), reachability of the server
 * ({@link io.bifrost.core.client.ServerReachability}, [CAPI-010]), the traffic debugger
 * ({@link io.bifrost.core.client.TrafficDebugger}, [CAPI-090]) and what a reload applies
 * ({@link io.bifrost.core.client.ClientConfigChanges}, [CFG-085]). Values are never null unless documented.
 */
package io.bifrost.core.client;
