/**
 * Docker's local volumes, without a daemon: one directory per volume under the store's {@code volumes/}
 * ({@code NAME/_data} and its {@code volume.json} record), Docker's name rules, anonymous volumes with 64-hex
 * names, and the copy of an image's content into a new volume ({@link dev.berth.volume.VolumeStore#fill}). Which
 * containers use a volume is the containers' records' business: the façade checks them before a removal.
 */
package dev.berth.volume;
