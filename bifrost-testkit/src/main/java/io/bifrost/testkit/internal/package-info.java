/**
 * Helpers shared by the testkit's fakes. Not part of the testkit's API: these classes may change without notice and
 * should not be used by tests directly.
 */
package io.bifrost.testkit.internal;
