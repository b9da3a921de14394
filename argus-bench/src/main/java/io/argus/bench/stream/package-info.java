/**
 * The streaming benchmark suites ({@code nab}, {@code synthetic-cross-channel}) and the streaming
 * speed driver ({@link io.argus.bench.stream.StreamSpeed}).
 */
package io.argus.bench.stream;
