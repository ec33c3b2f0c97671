package dev.bosun.charms.easyrsa;

import dev.bosun.charm.ActionContext;
import dev.bosun.charm.HookContext;
import dev.bosun.charms.easyrsa.pki.BackupException;
import dev.bosun.charms.easyrsa.pki.CaBackups;
import dev.bosun.charms.easyrsa.pki.CaStore;
import dev.bosun.charms.easyrsa.pki.CertificateAuthority;
import dev.bosun.charms.easyrsa.pki.PkiSettings;
import dev.bosun.charms.easyrsa.pki.RestoreResult;
import java.util.Optional;

/**
 * easyrsa's actions: {@code get-ca}, {@code backup}, {@code list-backups}, {@code restore} and
 * {@code delete-backup}. Archives are written on the unit's machine under {@code
 * var/lib/easyrsa/backups} with mode 0600 (they hold the CA key); results name them, never their
 * content.
 */
final class BackupActions {
  private final HookContext ctx;
  private final CaStore store;
  private final CaBackups backups;
  private final EasyrsaCharm charm;

  BackupActions(HookContext ctx, CaStore store, CaBackups backups, EasyrsaCharm charm) {
    this.ctx = ctx;
    this.store = store;
    this.backups = backups;
    this.charm = charm;
  }

  void run(String action) {
    ActionContext result = ctx.action();
    try {
      switch (action) {
        case "get-ca" -> getCa(result);
        case "backup" -> backup(result);
        case "list-backups" -> result.set("message", backups.listMessage());
        case "restore" -> restore(result);
        case "delete-backup" -> delete(result);
        default -> result.fail("easyrsa has no action \"" + action + "\"");
      }
    } catch (BackupException e) {
      result.fail(e.getMessage());
    }
  }

  private void getCa(ActionContext result) {
    Optional<CertificateAuthority> ca = store.load();
    if (ca.isEmpty()) {
      result.fail(
          "There is no Certificate Authority on this unit yet; wait until the leader creates it.");
      return;
    }
    result.set("ca", ca.get().certificatePem());
    result.set("fingerprint", ca.get().fingerprint());
  }

  private void backup(ActionContext result) {
    if (!store.exists()) {
      result.fail(
          "There is no Certificate Authority on this unit yet; wait until the leader creates it.");
      return;
    }
    String name = backups.backup();
    result.set("name", name);
    result.set("path", backups.directory().resolve(name).toString());
    result.set(
        "message",
        "Backup archive created successfully: "
            + name
            + " (mode 0600, it holds the CA key). Copy it somewhere safe.");
  }

  private void restore(ActionContext result) {
    if (!ctx.isLeader()) {
      result.fail(
          "restore must run on the leader of "
              + ctx.applicationName()
              + ": only the leader may replace the application's Certificate Authority");
      return;
    }
    String name = (String) result.parameters().get("name");
    RestoreResult restored = backups.restore(name);
    CertificateAuthority ca = restored.ca();
    EasyrsaCharm.keep(ctx, ca);
    Optional<PkiSettings> settings = EasyrsaCharm.settings(ctx);
    if (settings.isPresent()) {
      charm.serve(ctx, ca, store, settings.get());
    }
    result.set(
        "message",
        "Restored the Certificate Authority from "
            + name
            + "; certificates it did not sign are being re-issued from it.");
    restored.safetyBackup().ifPresent(safety -> result.set("safety-backup", safety));
  }

  private void delete(ActionContext result) {
    Object all = result.parameters().get("all");
    Object name = result.parameters().get("name");
    if (Boolean.TRUE.equals(all)) {
      int deleted = backups.deleteAll();
      result.set("message", "Deleted " + deleted + " backup(s).");
      return;
    }
    if (!(name instanceof String backup) || backup.isEmpty()) {
      result.fail("Either 'name' or 'all' must be set; use 'list-backups' to see the backups.");
      return;
    }
    backups.delete(backup);
    result.set("message", "Backup " + backup + " deleted.");
  }
}
