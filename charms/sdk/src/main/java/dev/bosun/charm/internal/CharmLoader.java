package dev.bosun.charm.internal;

import dev.bosun.charm.Charm;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.CharmLoadException;
import dev.bosun.model.Problem;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmMetaReader;
import dev.bosun.model.charm.CharmSource;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlParser;
import dev.bosun.model.internal.yaml.YamlScalar;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads packaged charms: reads the metadata with {@link CharmMetaReader}, reads {@code bosun.yaml}
 * for the charm class, and checks the class can make a fresh charm for every hook.
 */
public final class CharmLoader {
  /** The file naming a charm's Java class: {@code class: dev.bosun.charms.etcd.EtcdCharm}. */
  public static final String DESCRIPTOR = "bosun.yaml";

  /** The directory of a directory charm whose jars hold the charm's code. */
  public static final String LIB = "lib";

  private CharmLoader() {}

  /** Loads a charm from a classpath location; see {@link CharmDefinition#fromClasspath}. */
  public static CharmDefinition fromClasspath(String location, ClassLoader classLoader) {
    ClasspathCharmFiles files = new ClasspathCharmFiles(location, classLoader);
    String where = files.describe();
    String metadata =
        files
            .readText(CharmMetaReader.METADATA)
            .orElseThrow(
                () ->
                    new CharmLoadException(
                        where,
                        "no charm at "
                            + where
                            + ": "
                            + CharmMetaReader.METADATA
                            + " not found; put the charm's files under "
                            + files.location()
                            + "/ in a jar or resource directory on the classpath"));
    CharmMeta meta =
        CharmMetaReader.read(
            new CharmSource(
                where,
                metadata,
                files.readText(CharmMetaReader.CONFIG).orElse(null),
                files.readText(CharmMetaReader.ACTIONS).orElse(null),
                files.readText(CharmMetaReader.MANIFEST).orElse(null)));
    String className = charmClassName(meta.name(), files);
    Supplier<Charm> factory = factory(meta.name(), where, className, classLoader);
    return new CharmDefinition(meta, factory, files);
  }

  /** Loads a charm from a directory; see {@link CharmDefinition#fromDirectory}. */
  public static CharmDefinition fromDirectory(Path directory, ClassLoader parent) {
    if (!Files.isDirectory(directory)) {
      throw new CharmLoadException(
          directory.toString(),
          "charm directory " + directory + " does not exist or is not a directory");
    }
    CharmFiles files = new DirectoryCharmFiles(directory);
    CharmMeta meta = CharmMetaReader.read(directory);
    String className = charmClassName(meta.name(), files);
    ClassLoader classLoader = classLoader(meta.name(), directory, parent);
    Supplier<Charm> factory = factory(meta.name(), directory.toString(), className, classLoader);
    return new CharmDefinition(meta, factory, files);
  }

  /** Reads {@code bosun.yaml} and returns the class it names. */
  static String charmClassName(String charm, CharmFiles files) {
    String label = label(files);
    String text =
        files
            .readText(DESCRIPTOR)
            .orElseThrow(
                () ->
                    new CharmLoadException(
                        charm,
                        "charm \""
                            + charm
                            + "\" ("
                            + files.describe()
                            + ") has no "
                            + DESCRIPTOR
                            + "; add one that names the charm's class, for example \"class:"
                            + " com.example.MyCharm\""));
    YamlParser.Result parsed = YamlParser.parseAll(text, label);
    List<Problem> problems = new ArrayList<>(parsed.problems());
    String className = null;
    if (problems.isEmpty()) {
      YamlNode document = parsed.documents().isEmpty() ? null : parsed.documents().get(0);
      if (!(document instanceof YamlMapping mapping)) {
        problems.add(Problem.error(null, label + ": expected a mapping with the key \"class\""));
      } else {
        for (YamlMapping.Entry entry : mapping.entries()) {
          String key = entry.key().stringValue();
          if (!"class".equals(key)) {
            problems.add(
                Problem.error(
                    entry.key().location(),
                    "unknown key \"" + entry.key().text() + "\"; the only key is \"class\""));
          } else if (entry.value() instanceof YamlScalar scalar
              && scalar.stringValue() != null
              && isClassName(scalar.stringValue())) {
            className = scalar.stringValue();
          } else {
            problems.add(
                Problem.error(
                    entry.value().location(),
                    "\"class\" must be a fully qualified Java class name, such as"
                        + " com.example.MyCharm"));
          }
        }
        if (className == null && problems.isEmpty()) {
          problems.add(
              Problem.error(
                  mapping.location(), "missing key \"class\" naming the charm's Java class"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CharmLoadException(
          charm,
          "charm \""
              + charm
              + "\" has an invalid "
              + DESCRIPTOR
              + ":\n"
              + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }
    return className;
  }

  /** Checks a class can serve as the charm and returns a factory that makes instances of it. */
  static Supplier<Charm> factory(
      String charm, String where, String className, ClassLoader classLoader) {
    String prefix = "charm \"" + charm + "\" (" + where + "): class " + className;
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new CharmLoadException(
          charm,
          prefix
              + " named in "
              + DESCRIPTOR
              + " cannot be loaded ("
              + e
              + "); check the name, and that the charm's classes are on the classpath or in its "
              + LIB
              + "/ jars",
          e);
    }
    if (!Charm.class.isAssignableFrom(type)) {
      throw new CharmLoadException(
          charm,
          prefix
              + " is not a "
              + Charm.class.getName()
              + "; implement Charm, or extend HandlerCharm or implement ReconcilerCharm");
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new CharmLoadException(
          charm, prefix + " is abstract; name a concrete class in " + DESCRIPTOR);
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new CharmLoadException(charm, prefix + " is not public; make it public");
    }
    Constructor<? extends Charm> constructor;
    try {
      constructor = type.asSubclass(Charm.class).getConstructor();
    } catch (NoSuchMethodException e) {
      throw new CharmLoadException(
          charm,
          prefix
              + " has no public no-argument constructor; add one (Bosun makes a fresh instance for"
              + " every hook)",
          e);
    }
    return () -> instantiate(constructor);
  }

  private static Charm instantiate(Constructor<? extends Charm> constructor) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(
          "the constructor of " + constructor.getDeclaringClass().getName() + " failed", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot create " + constructor.getDeclaringClass().getName() + ": " + e, e);
    }
  }

  private static ClassLoader classLoader(String charm, Path directory, ClassLoader parent) {
    Path lib = directory.resolve(LIB);
    if (!Files.isDirectory(lib)) {
      return parent;
    }
    List<Path> jars;
    try (Stream<Path> entries = Files.list(lib)) {
      jars =
          entries
              .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
              .sorted()
              .collect(Collectors.toList());
    } catch (IOException e) {
      throw new CharmLoadException(charm, "cannot list " + lib + ": " + e.getMessage(), e);
    }
    if (jars.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new CharmLoadException(charm, "cannot use " + jars.get(i) + ": " + e, e);
      }
    }
    return new URLClassLoader("charm-" + charm, urls, parent);
  }

  private static boolean isClassName(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (String part : text.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        return false;
      }
      for (int i = 1; i < part.length(); i++) {
        if (!Character.isJavaIdentifierPart(part.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static String label(CharmFiles files) {
    String where = files.describe();
    return where.endsWith("/") ? where + DESCRIPTOR : where + "/" + DESCRIPTOR;
  }
}
