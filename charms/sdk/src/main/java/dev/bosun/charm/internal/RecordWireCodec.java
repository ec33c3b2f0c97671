package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.relation.WireCodec;
import dev.bosun.charm.relation.WireFormatException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a record to a databag by its components, as {@link WireCodec} describes. Codecs are made
 * once per record class and cached for the life of the class.
 *
 * @param <T> the record type
 */
public final class RecordWireCodec<T extends Record> implements WireCodec<T> {
  private static final ClassValue<RecordWireCodec<?>> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordWireCodec<?> computeValue(Class<?> type) {
          return create(type);
        }
      };

  private final Class<T> type;
  private final WireComponent[] components;
  private final Set<String> keys;
  private final Constructor<T> constructor;

  private RecordWireCodec(Class<T> type, WireComponent[] components, Constructor<T> constructor) {
    this.type = type;
    this.components = components;
    this.constructor = constructor;
    Set<String> names = new LinkedHashSet<>();
    for (WireComponent component : components) {
      names.add(component.key());
    }
    this.keys = Collections.unmodifiableSet(names);
  }

  /**
   * Returns the codec for a record type.
   *
   * @throws IllegalArgumentException when the type is not a record or cannot be mapped
   */
  @SuppressWarnings("unchecked")
  public static <T extends Record> WireCodec<T> of(Class<T> type) {
    requireNonNull(type, "type");
    return (WireCodec<T>) CACHE.get(type);
  }

  private static <T extends Record> RecordWireCodec<T> create(Class<?> candidate) {
    if (!candidate.isRecord()) {
      throw new IllegalArgumentException(
          candidate.getName() + " is not a record; relation data maps records only");
    }
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) candidate;
    RecordComponent[] declared = type.getRecordComponents();
    WireComponent[] components = new WireComponent[declared.length];
    Class<?>[] parameterTypes = new Class<?>[declared.length];
    Map<String, String> componentByKey = new LinkedHashMap<>();
    for (int i = 0; i < declared.length; i++) {
      components[i] = WireComponent.of(type, declared[i]);
      parameterTypes[i] = declared[i].getType();
      String previous = componentByKey.put(components[i].key(), declared[i].getName());
      if (previous != null) {
        throw new IllegalArgumentException(
            "components "
                + previous
                + " and "
                + declared[i].getName()
                + " of "
                + type.getName()
                + " both map to the relation data key \""
                + components[i].key()
                + "\"");
      }
      if (components[i].key().isEmpty()) {
        throw new IllegalArgumentException(
            "component " + declared[i].getName() + " of " + type.getName() + " has an empty key");
      }
    }
    Constructor<T> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot use the canonical constructor of " + type.getName() + ": " + e, e);
    }
    return new RecordWireCodec<>(type, components, constructor);
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public Set<String> keys() {
    return keys;
  }

  @Override
  public Map<String, String> encode(T value) {
    requireNonNull(value, "value");
    Map<String, String> data = new LinkedHashMap<>();
    for (WireComponent component : components) {
      data.put(component.key(), component.encode(component.read(value)));
    }
    return Collections.unmodifiableMap(data);
  }

  @Override
  public Optional<T> decode(Map<String, String> data) {
    requireNonNull(data, "data");
    Object[] values = new Object[components.length];
    boolean complete = true;
    for (int i = 0; i < components.length; i++) {
      Object value = components[i].decode(data.get(components[i].key()));
      if (value == null) {
        complete = false;
      }
      values[i] = value;
    }
    if (!complete) {
      return Optional.empty();
    }
    try {
      return Optional.of(constructor.newInstance(values));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new WireFormatException(
          null,
          "relation data does not make a valid "
              + type.getSimpleName()
              + ": "
              + (cause == null ? e : cause.getMessage()),
          cause);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "WireCodec[" + type.getSimpleName() + " " + keys + "]";
  }
}
