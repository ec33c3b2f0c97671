package dev.bosun.charm.internal;

import dev.bosun.charm.CharmLoadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the index resources in which jars list the classpath locations of the charms they ship. */
public final class CharmIndex {
  /** The index resource. */
  public static final String RESOURCE = "META-INF/bosun/charms";

  private CharmIndex() {}

  /**
   * Returns the locations listed in every index the class loader sees, in classpath order, each
   * once.
   *
   * @throws CharmLoadException when an index cannot be read or lists an invalid location
   */
  public static Set<String> locations(ClassLoader classLoader) {
    Set<String> locations = new LinkedHashSet<>();
    Enumeration<URL> indexes;
    try {
      indexes = classLoader.getResources(RESOURCE);
    } catch (IOException e) {
      throw new CharmLoadException(RESOURCE, "cannot look for " + RESOURCE + ": " + e, e);
    }
    while (indexes.hasMoreElements()) {
      URL index = indexes.nextElement();
      try (InputStream in = index.openStream();
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          int comment = line.indexOf('#');
          String location = (comment >= 0 ? line.substring(0, comment) : line).strip();
          if (location.isEmpty()) {
            continue;
          }
          String normalized = CharmPaths.location(location);
          if (!CharmPaths.isInside(normalized)) {
            throw new CharmLoadException(
                index.toString(),
                index
                    + ":"
                    + number
                    + ": \""
                    + location
                    + "\" is not a classpath location such as charms/etcd");
          }
          locations.add(normalized);
        }
      } catch (IOException e) {
        throw new CharmLoadException(index.toString(), "cannot read " + index + ": " + e, e);
      }
    }
    return locations;
  }

  /**
   * Returns the charm directories under a directory: the directory itself when it holds a {@code
   * metadata.yaml}, else each subdirectory that holds one, in name order.
   *
   * @throws CharmLoadException when the directory does not exist or cannot be listed
   */
  public static List<Path> charmDirectories(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new CharmLoadException(
          directory.toString(), "charm directory " + directory + " does not exist");
    }
    if (Files.isRegularFile(directory.resolve("metadata.yaml"))) {
      return List.of(directory);
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> Files.isRegularFile(p.resolve("metadata.yaml")))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new CharmLoadException(
          directory.toString(), "cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
