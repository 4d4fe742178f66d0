package dev.berth.engine;

import dev.berth.image.ImageJson;
import dev.berth.store.ContentStore;

/** The long-lived collaborators of the engine, shared by every step of every build. */
record EngineParts(ContentStore content, BuildCache cache, RunStepExecutor runs, BaseImageResolver resolver,
        ImageJson json, CacheMounts cacheMounts) {}
