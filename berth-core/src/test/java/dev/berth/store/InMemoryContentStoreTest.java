package dev.berth.store;

class InMemoryContentStoreTest extends ContentStoreConformance {

    @Override
    ContentStore newStore() {
        return new InMemoryContentStore();
    }

    @Override
    void assertNoUnfinishedWrites() {
        // Nothing is kept outside the map until commit.
    }
}
