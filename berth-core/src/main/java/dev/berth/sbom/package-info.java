/**
 * What an image holds, read from its layers in the store without unpacking them: {@link dev.berth.sbom.MergedLayers}
 * walks the layers top down as tar streams, keeping only what the final file system shows (whiteouts and opaque
 * directories honoured), and hands the files each {@link dev.berth.sbom.Cataloger} asks for to it; the catalogers
 * read package databases (dpkg, apk) and language metadata (Python, Java, npm, Go build info) into
 * {@link dev.berth.sbom.FoundPackage}s, each with its PURL and the layer and path that proved it;
 * {@link dev.berth.sbom.SpdxWriter} and {@link dev.berth.sbom.CycloneDxWriter} write SPDX 2.3 and CycloneDX 1.6.
 * Knows nothing of builds, containers or the façade.
 */
package dev.berth.sbom;
