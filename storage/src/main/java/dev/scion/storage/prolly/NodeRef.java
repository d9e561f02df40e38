package dev.scion.storage.prolly;

import dev.scion.storage.Hash;

/** What a parent records about a child node: its last key, address, entry count and level. */
record NodeRef(byte[] lastKey, Hash address, long count, int level) {}
