/**
 * Reading a stage's file system without unpacking it where possible: per-layer header indexes kept in the build
 * cache ({@link dev.berth.engine.rootfs.LayerIndex}), a top-down layered attribute lookup
 * ({@link dev.berth.engine.rootfs.RootfsAttributes}) and file reader, and, for the steps that read another stage
 * or image, a read-only view from its snapshots or, failing that, one extraction shared by every reader
 * ({@link dev.berth.engine.rootfs.RootfsExtractions}).
 */
package dev.berth.engine.rootfs;
