package dev.scion.storage.prolly;

/**
 * Decides whether a node ends after an entry, from the entry's key hash and the node's size alone, so the
 * same entries always give the same nodes whatever edits produced them.
 *
 * <p>Node sizes follow a Weibull distribution (shape 4, scale {@link #TARGET_BYTES}): the chance of a
 * split after an entry that grows the node from size a to b is the conditional probability
 * 1 - exp(-((b/s)^4 - (a/s)^4)), so small nodes rarely split and large ones almost always do. Hashing the
 * key (not the value) keeps boundaries still when values change. Hard limits: no split below
 * {@link #MIN_BYTES}, always split at {@link #MAX_BYTES}; internal nodes need at least two children, which
 * guarantees each level is smaller than the one below and so the tree has a root.
 *
 * <p>Uses StrictMath so the decision, and hence every address, is identical on all JVMs.
 */
final class BoundaryRule {
  static final int MIN_BYTES = 512;
  static final int MAX_BYTES = 16 * 1024;
  static final double TARGET_BYTES = 4096.0;

  private BoundaryRule() {}

  /**
   * @param keyHash the level-salted hash of the entry's key
   * @param sizeBefore node payload bytes before the entry
   * @param sizeAfter node payload bytes including the entry
   * @param entries entries in the node including this one
   * @param level the node's level (0 = leaf)
   */
  static boolean splitAfter(long keyHash, int sizeBefore, int sizeAfter, int entries, int level) {
    if (level > 0 && entries < 2) {
      return false;
    }
    if (sizeAfter < MIN_BYTES) {
      return false;
    }
    if (sizeAfter >= MAX_BYTES) {
      return true;
    }
    double a = sizeBefore / TARGET_BYTES;
    double b = sizeAfter / TARGET_BYTES;
    double a2 = a * a;
    double b2 = b * b;
    double x = b2 * b2 - a2 * a2;
    double u = (keyHash >>> 11) * 0x1.0p-53; // uniform in [0, 1)
    // 1 - e^-x <= x: most entries are decided without the exponential.
    if (u >= x + 1e-12) {
      return false;
    }
    return u < -StrictMath.expm1(-x);
  }
}
