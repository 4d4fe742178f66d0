package dev.berth.layer;

/** An entry the extractor will not apply; the extractor turns it into a StoreException naming the layer. */
final class EntryRefusedException extends Exception {

    EntryRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
