package dev.bosun.runtime.substrate.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The options a {@link LocalSubstrate} was built with. */
record Settings(
    Duration initialBackoff,
    Duration maximumBackoff,
    Duration stableAfter,
    Duration checkInterval,
    Duration stopGracePeriod,
    boolean allowPackageInstallation,
    boolean privileged,
    PackageInstaller installer,
    List<Path> searchPath,
    String addressRange) {}
