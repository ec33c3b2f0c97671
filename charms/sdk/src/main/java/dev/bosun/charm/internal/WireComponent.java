package dev.bosun.charm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.bosun.charm.relation.Wire;
import dev.bosun.charm.relation.WireFormatException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One record component on the wire: its key, whether it may be absent, and how its text reads. */
final class WireComponent {
  /** How a value's text is made. */
  private enum Form {
    RAW_STRING,
    RAW_ENUM,
    BOOLEAN,
    JSON
  }

  private final String recordName;
  private final String name;
  private final String key;
  private final boolean optional;
  private final Class<?> valueClass;
  private final JavaType jsonType;
  private final Form form;
  private final Method accessor;

  private WireComponent(
      String recordName,
      String name,
      String key,
      boolean optional,
      Class<?> valueClass,
      JavaType jsonType,
      Form form,
      Method accessor) {
    this.recordName = recordName;
    this.name = name;
    this.key = key;
    this.optional = optional;
    this.valueClass = valueClass;
    this.jsonType = jsonType;
    this.form = form;
    this.accessor = accessor;
  }

  /**
   * Describes a record component.
   *
   * @throws IllegalArgumentException when its type is not supported
   */
  static WireComponent of(Class<?> record, RecordComponent component) {
    Wire wire = component.getAnnotation(Wire.class);
    String key = wire == null || wire.value().isEmpty() ? component.getName() : wire.value();
    boolean json = wire != null && wire.json();
    Type type = component.getGenericType();
    boolean optional = component.getType() == Optional.class;
    if (optional) {
      if (!(type instanceof ParameterizedType parameterized)) {
        throw unsupported(record, component, "a raw Optional; give its type, Optional<String>");
      }
      type = parameterized.getActualTypeArguments()[0];
      if (type instanceof WildcardType) {
        throw unsupported(record, component, "Optional<?>; give its type, Optional<String>");
      }
    }
    Class<?> valueClass = rawClass(type);
    if (valueClass == null || valueClass == Optional.class) {
      throw unsupported(record, component, "type " + type.getTypeName());
    }
    valueClass = box(valueClass);
    Form form;
    if (valueClass == String.class) {
      form = json ? Form.JSON : Form.RAW_STRING;
    } else if (valueClass.isEnum()) {
      form = json ? Form.JSON : Form.RAW_ENUM;
    } else if (valueClass == Boolean.class) {
      form = Form.BOOLEAN;
    } else if (isSupportedJson(valueClass)) {
      form = Form.JSON;
      rejectNestedOptional(record, component, type, new ArrayList<>());
    } else {
      throw unsupported(record, component, "type " + type.getTypeName());
    }
    Method accessor = component.getAccessor();
    try {
      accessor.setAccessible(true);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read component " + component.getName() + " of " + record.getName() + ": " + e, e);
    }
    JavaType jsonType = WireJson.MAPPER.getTypeFactory().constructType(type);
    return new WireComponent(
        record.getSimpleName(),
        component.getName(),
        key,
        optional,
        valueClass,
        jsonType,
        form,
        accessor);
  }

  String key() {
    return key;
  }

  boolean isOptional() {
    return optional;
  }

  /** Returns the component's value of a record. */
  Object read(Record record) {
    try {
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + name + " of " + recordName + ": " + e, e);
    }
  }

  /**
   * Returns the text of a component value: the empty string for an absent optional.
   *
   * @throws IllegalArgumentException for a null or empty required value
   */
  String encode(Object componentValue) {
    Object value = componentValue;
    if (optional) {
      Optional<?> present = (Optional<?>) value;
      if (present == null || present.isEmpty()) {
        return "";
      }
      value = present.get();
    } else if (value == null) {
      throw new IllegalArgumentException(
          "component "
              + name
              + " of "
              + recordName
              + " is null; make it Optional<...> if it may be absent");
    }
    String text =
        switch (form) {
          case RAW_STRING -> (String) value;
          case RAW_ENUM -> ((Enum<?>) value).name();
          case BOOLEAN -> value.toString();
          case JSON -> json(value);
        };
    if (text.isEmpty() && !optional) {
      throw new IllegalArgumentException(
          "component "
              + name
              + " of "
              + recordName
              + " is an empty string, which relation data cannot hold (an empty value deletes"
              + " the key "
              + key
              + "); make it Optional<String> if it may be absent");
    }
    return text;
  }

  /**
   * Reads a component value from a databag value.
   *
   * @param text the value, or null when the key is absent
   * @return the component value; null for a missing required value
   * @throws WireFormatException when the text does not parse
   */
  Object decode(String text) {
    if (text == null || text.isEmpty()) {
      return optional ? Optional.empty() : null;
    }
    Object value =
        switch (form) {
          case RAW_STRING -> text;
          case RAW_ENUM -> enumConstant(text);
          case BOOLEAN -> bool(text);
          case JSON -> fromJson(text);
        };
    return optional ? Optional.of(value) : value;
  }

  private String json(Object value) {
    Object ordered = value;
    if (value instanceof Set<?> set && allComparable(set)) {
      List<Object> sorted = new ArrayList<>(set);
      sorted.sort(null);
      ordered = sorted;
    }
    try {
      return WireJson.MAPPER.writeValueAsString(ordered);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot encode component "
              + name
              + " of "
              + recordName
              + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private Object fromJson(String text) {
    Object value;
    try {
      value = WireJson.MAPPER.readValue(text, jsonType);
    } catch (JsonProcessingException | RuntimeException e) {
      throw malformed(text, e);
    }
    if (value == null) {
      throw malformed(text, null);
    }
    if (value instanceof List<?> list) {
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Set<?> set) {
      return Collections.unmodifiableSet(set);
    }
    if (value instanceof Map<?, ?> map) {
      return Collections.unmodifiableMap(map);
    }
    return value;
  }

  private Object enumConstant(String text) {
    for (Object constant : valueClass.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(text)) {
        return constant;
      }
    }
    throw malformed(text, null);
  }

  private Boolean bool(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw malformed(text, null);
  }

  private WireFormatException malformed(String text, Exception cause) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return new WireFormatException(
        key,
        "relation data key \""
            + key
            + "\" ("
            + recordName
            + "."
            + name
            + "): expected "
            + expected()
            + ", got "
            + dev.bosun.model.internal.GoFormat.quote(shown),
        cause);
  }

  /** Names the text a value must be, for messages. */
  String expected() {
    return switch (form) {
      case RAW_STRING -> "a string";
      case RAW_ENUM -> "one of " + Arrays.toString(valueClass.getEnumConstants());
      case BOOLEAN -> "a boolean (true or false)";
      case JSON -> jsonExpected();
    };
  }

  private String jsonExpected() {
    if (valueClass == Integer.class) {
      return "an int";
    }
    if (valueClass == Long.class || valueClass == BigInteger.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(valueClass)) {
      return "a number";
    }
    if (valueClass == String.class) {
      return "a JSON string";
    }
    if (valueClass.isEnum()) {
      return "a JSON string, one of " + Arrays.toString(valueClass.getEnumConstants());
    }
    if (Collection.class.isAssignableFrom(valueClass)) {
      return "a JSON array of " + jsonType.getContentType().getRawClass().getSimpleName();
    }
    if (Map.class.isAssignableFrom(valueClass)) {
      return "a JSON object";
    }
    return "a JSON object (" + valueClass.getSimpleName() + ")";
  }

  private static boolean isSupportedJson(Class<?> type) {
    return type == Integer.class
        || type == Long.class
        || type == Double.class
        || type == Float.class
        || type == BigInteger.class
        || type == BigDecimal.class
        || type == List.class
        || type == Set.class
        || type == Map.class
        || type.isRecord();
  }

  /** Jackson needs a module for Optional, which the SDK does not ship: refuse it up front. */
  private static void rejectNestedOptional(
      Class<?> record, RecordComponent component, Type type, List<Type> seen) {
    if (seen.contains(type)) {
      return;
    }
    seen.add(type);
    Class<?> raw = rawClass(type);
    if (raw == Optional.class) {
      throw unsupported(
          record,
          component,
          "type "
              + component.getGenericType().getTypeName()
              + ": Optional is not supported inside JSON values; use a nullable type there");
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        rejectNestedOptional(record, component, argument, seen);
      }
    }
    if (raw != null && raw.isRecord()) {
      for (RecordComponent nested : raw.getRecordComponents()) {
        rejectNestedOptional(record, component, nested.getGenericType(), seen);
      }
    }
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    if (type == float.class) {
      return Float.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    return type;
  }

  private static boolean allComparable(Set<?> set) {
    Class<?> first = null;
    for (Object element : set) {
      if (!(element instanceof Comparable<?>)) {
        return false;
      }
      if (first == null) {
        first = element.getClass();
      } else if (element.getClass() != first) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException unsupported(
      Class<?> record, RecordComponent component, String what) {
    return new IllegalArgumentException(
        "cannot map component "
            + component.getName()
            + " of "
            + record.getName()
            + " to relation data: "
            + what
            + " is not supported; use String, an enum, boolean, int, long, float, double,"
            + " BigInteger, BigDecimal, List, Set, Map or a record, or Optional of one");
  }
}
