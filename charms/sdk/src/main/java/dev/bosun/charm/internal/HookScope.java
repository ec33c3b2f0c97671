package dev.bosun.charm.internal;

/**
 * The lifetime of one hook's context: every view handed to the charm checks it, so a context kept
 * past its hook (in a static field, or by a thread the charm started) fails loudly instead of
 * writing into a buffer nobody commits.
 */
final class HookScope {
  private final String unitName;
  private final String hookName;
  private boolean open = true;

  HookScope(String unitName, String hookName) {
    this.unitName = unitName;
    this.hookName = hookName;
  }

  String unitName() {
    return unitName;
  }

  String hookName() {
    return hookName;
  }

  void close() {
    open = false;
  }

  /**
   * Throws when the hook has returned.
   *
   * @throws IllegalStateException when the hook this context belongs to is over
   */
  void ensureOpen() {
    if (!open) {
      throw new IllegalStateException(
          "the context of hook \""
              + hookName
              + "\" on "
              + unitName
              + " is no longer valid: a context may be used only during its hook");
    }
  }
}
