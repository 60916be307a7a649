package dev.vitals.web.openapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.generator.impl.DefinitionKey;
import com.github.victools.jsonschema.generator.naming.SchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.vitals.core.Json;
import dev.vitals.web.problem.Problem;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of the records routes read and write, derived with
 * victools' generator and its Jackson module so that they describe what the portal's mapper ({@link Json}) writes:
 * records by their components in order, enums by name, instants and dates as ISO-8601 text, {@code Optional}s and
 * plain values as the value or {@code null}, maps as objects of their values. An object takes no member its record lacks, as the portal's reader
 * refuses unknown members; a record that reads with {@code @JsonIgnoreProperties(ignoreUnknown = true)} takes any.
 *
 * <p>Every object type is a definition under {@code #/components/schemas}, named by its simple class name; when two
 * types share one, those other than the portal's {@code Problem} are named by their full class name.
 */
final class RecordSchemas {

    private static final String DEFINITIONS = "components/schemas";
    private final SchemaBuilder builder;

    RecordSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Json.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.EXTRA_OPEN_API_FORMAT_VALUES,
                        Option.PLAIN_DEFINITION_KEYS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withNullableCheck(field -> nullable(field.getType().getErasedType()));
        config.forTypesInGeneral()
                .withCustomDefinitionProvider((javaType, context) -> scalar(javaType.getErasedType())
                        .map(schema -> new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
                                CustomDefinition.AttributeInclusion.NO))
                        .orElse(null))
                .withCustomDefinitionProvider((javaType, context) -> {
                    if (!Map.class.isAssignableFrom(javaType.getErasedType())) {
                        return null;
                    }
                    // A map is an object of its values, inline: it has no name of its own worth a definition.
                    ObjectNode map = context.getGeneratorConfig().createObjectNode().put("type", "object");
                    map.set("additionalProperties", context.createDefinitionReference(
                            context.getTypeContext().getTypeParameterFor(javaType, Map.class, 1)));
                    return new CustomDefinition(map, CustomDefinition.DefinitionType.INLINE,
                            CustomDefinition.AttributeInclusion.NO);
                })
                // Declaration order, the order in which Jackson writes a record's components.
                .withPropertySorter((a, b) -> 0)
                .withAdditionalPropertiesResolver(RecordSchemas::additionalProperties)
                .withDefinitionNamingStrategy(new Naming());
        this.builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
    }

    /** @return the schema of a body of this type: a {@code $ref} to its definition for objects, inline otherwise */
    ObjectNode schemaOf(Type type) {
        return builder.createSchemaReference(type);
    }

    /**
     * The definitions of every type asked for so far, keyed by name. Call once, after the last {@link #schemaOf}:
     * it also points every reference to its definition.
     */
    ObjectNode definitions() {
        return builder.collectDefinitions(DEFINITIONS);
    }

    /**
     * An {@code Optional} is written as its value or {@code null}; so is a plain value (text, a boxed number, a time)
     * that a record holds as {@code null}, which some of the portal's older records do. Records, lists, maps, enums
     * and primitives are never written as {@code null} by the portal.
     */
    private static boolean nullable(Class<?> type) {
        return type == Optional.class || type == OptionalDouble.class || type == OptionalInt.class
                || type == OptionalLong.class || type == String.class || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type.getName().startsWith("java.time.");
    }

    /**
     * Types the portal's mapper writes as one JSON value that the generator would take apart: the primitive
     * {@code Optional}s (the number or {@code null}) and durations, which Jackson writes as seconds by default.
     */
    private static Optional<ObjectNode> scalar(Class<?> type) {
        ObjectNode schema = Json.mapper().createObjectNode();
        if (type == OptionalDouble.class) {
            schema.putArray("type").add("number").add("null");
        } else if (type == OptionalInt.class || type == OptionalLong.class) {
            schema.putArray("type").add("integer").add("null");
        } else if (type == Duration.class) {
            schema.put("type", "number").put("description", "seconds");
        } else {
            return Optional.empty();
        }
        return Optional.of(schema);
    }

    private static Type additionalProperties(TypeScope scope) {
        Class<?> type = scope.getType().getErasedType();
        if (scope.isContainerType() || type == Object.class
                || Optional.ofNullable(type.getAnnotation(JsonIgnoreProperties.class))
                        .map(JsonIgnoreProperties::ignoreUnknown).orElse(false)) {
            return null;
        }
        // The portal's reader fails on unknown members, and its writer adds none: an example with one has drifted.
        return Void.class;
    }

    /** Simple class names, and full ones where two types would share a name. */
    private static final class Naming implements SchemaDefinitionNamingStrategy {

        @Override
        public String getDefinitionNameForKey(DefinitionKey key, com.github.victools.jsonschema.generator
                .SchemaGenerationContext context) {
            return plain(context.getTypeContext().getSimpleTypeDescription(key.getType()));
        }

        @Override
        public void adjustDuplicateNames(Map<DefinitionKey, String> names,
                com.github.victools.jsonschema.generator.SchemaGenerationContext context) {
            names.replaceAll((key, name) -> key.getType().getErasedType() == Problem.class ? name
                    : plain(context.getTypeContext().getFullTypeDescription(key.getType())));
        }

        /** OpenAPI's component names allow letters, digits, {@code .}, {@code -} and {@code _} only. */
        private static String plain(String description) {
            return description.replace('$', '.').replaceAll("[^a-zA-Z0-9._-]+", "_");
        }
    }
}
