/**
 * Byte-stream plumbing shared by the content store and the layer format: {@link dev.berth.io.HashingPipe},
 * which hashes and writes a stream on threads of their own so that reading, hashing and writing use
 * every core, as the processes of {@code tar | tee | openssl} do; {@link dev.berth.io.SearchPath}, the one
 * lookup of the host programs Berth runs on a {@code PATH}; and {@link dev.berth.io.TreeBytes}, the bytes a
 * directory tree takes.
 */
package dev.berth.io;
