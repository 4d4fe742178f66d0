/**
 * COPY and ADD: selecting the sources (context, another stage, an image, a URL, here-documents), applying
 * {@code --chown}/{@code --chmod}/{@code --exclude}/{@code --parents}, placing entries in the stage as Docker does
 * (existing directories and the image's own symlinks kept, {@link dev.berth.engine.copy.StagePaths}), extracting
 * local archives for ADD, and writing the layer. A COPY's files are read once: the step's thread reads and hashes
 * them into the layer while the content store's ingester hashes and writes the tar; see
 * {@code docs/copy-throughput.md}.
 */
package dev.berth.engine.copy;
