package dev.vitals.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.SinceTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every part of the API a plugin can compile against says since which API version it exists, so a plugin author
 * knows the lowest {@code plugin.requires} that offers it. Checked on the sources in {@code src/main/java}.
 *
 * <p>The rule: a public type, and every public or protected constructor, method and field (every non-private one in
 * an interface, where members are public without saying so; enum constants count as fields) carries {@code @since}
 * in its own Javadoc, or inherits the {@code @since} of the type that declares it. A nested type inherits from its
 * enclosing type the same way; a top-level type must say it itself. So a member that arrived with its type needs
 * nothing, and a member added later must carry the later version: that is the one rule this test cannot see, and
 * japicmp's check at {@code verify} (against the last released API) backs it.
 *
 * <p>A version is {@code major.minor.patch}, never later than {@link PluginApiVersion#CURRENT}, and a member is never
 * older than its type.
 */
class SinceTagTest {

    private static List<ApiElement> elements;

    @BeforeAll
    static void readTheApiSources() throws IOException {
        elements = ApiElement.parse(Path.of(System.getProperty("vitals.api.sources", "src/main/java")));
    }

    @Test
    void everyPublicTypeMethodConstructorAndFieldSaysSinceWhichVersion() {
        assertFalse(elements.isEmpty(), "no API sources were read");

        List<String> missing = elements.stream().filter(e -> e.since().isEmpty()).map(ApiElement::where).toList();

        assertEquals(List.of(), missing, "these lack @since in their Javadoc and in their type's");
    }

    @Test
    void everySinceIsAReleasedOrTheCurrentVersion() {
        List<String> wrong = elements.stream().filter(e -> e.ownSince().isPresent())
                .filter(e -> !isVersion(e.ownSince().get())
                        || compare(e.ownSince().get(), PluginApiVersion.CURRENT) > 0)
                .map(e -> e.where() + " says @since " + e.ownSince().get())
                .toList();

        assertEquals(List.of(), wrong, "@since must be major.minor.patch and not after " + PluginApiVersion.CURRENT);
    }

    @Test
    void noMemberIsOlderThanTheTypeThatDeclaresIt() {
        List<String> wrong = elements.stream()
                .filter(e -> e.ownSince().isPresent() && e.typeSince().isPresent())
                .filter(e -> isVersion(e.ownSince().get()) && isVersion(e.typeSince().get()))
                .filter(e -> compare(e.ownSince().get(), e.typeSince().get()) < 0)
                .map(e -> e.where() + " says @since " + e.ownSince().get() + ", its type " + e.typeSince().get())
                .toList();

        assertEquals(List.of(), wrong);
    }

    private static boolean isVersion(String text) {
        return text.matches("\\d+\\.\\d+\\.\\d+");
    }

    private static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("[.-]", 4)).limit(3).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("[.-]", 4)).limit(3).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(x, y);
    }

    /**
     * One part of the API as the sources declare it.
     *
     * @param where file, line and what it is, for the failure message
     * @param ownSince the {@code @since} of its own Javadoc
     * @param typeSince the effective {@code @since} of the type declaring it; empty for a top-level type
     */
    private record ApiElement(String where, Optional<String> ownSince, Optional<String> typeSince) {

        Optional<String> since() {
            return ownSince.or(() -> typeSince);
        }

        static List<ApiElement> parse(Path sources) throws IOException {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null,
                    StandardCharsets.UTF_8)) {
                JavacTask task = (JavacTask) javac.getTask(null, fileManager, null, null, null,
                        fileManager.getJavaFileObjectsFromPaths(files));
                DocTrees docs = DocTrees.instance(task);
                List<ApiElement> found = new ArrayList<>();
                for (CompilationUnitTree unit : task.parse()) {
                    for (Tree type : unit.getTypeDecls()) {
                        if (type instanceof ClassTree c && c.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                            new Walk(docs, unit, found).type(new TreePath(new TreePath(unit), c), Optional.empty());
                        }
                    }
                }
                return found;
            }
        }
    }

    private record Walk(DocTrees docs, CompilationUnitTree unit, List<ApiElement> found) {

        void type(TreePath path, Optional<String> outerSince) {
            ClassTree type = (ClassTree) path.getLeaf();
            Optional<String> own = since(path);
            found.add(new ApiElement(where(type, type.getKind().toString().toLowerCase() + " " + type.getSimpleName()),
                    own, outerSince));
            Optional<String> typeSince = own.or(() -> outerSince);
            boolean inInterface = type.getKind() == Tree.Kind.INTERFACE
                    || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
            for (Tree member : type.getMembers()) {
                TreePath memberPath = new TreePath(path, member);
                if (member instanceof ClassTree nested) {
                    if (visible(nested.getModifiers(), inInterface)) {
                        type(memberPath, typeSince);
                    }
                } else if (member instanceof MethodTree method) {
                    if (visible(method.getModifiers(), inInterface)) {
                        found.add(new ApiElement(where(member, type.getSimpleName() + describe(method)),
                                since(memberPath), typeSince));
                    }
                } else if (member instanceof VariableTree field && visible(field.getModifiers(), inInterface)) {
                    found.add(new ApiElement(where(member, "field " + type.getSimpleName() + "." + field.getName()),
                            since(memberPath), typeSince));
                }
            }
        }

        private static boolean visible(ModifiersTree modifiers, boolean inInterface) {
            var flags = modifiers.getFlags();
            return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                    || inInterface && !flags.contains(Modifier.PRIVATE);
        }

        private static String describe(MethodTree method) {
            String parameters = method.getParameters().stream().map(p -> p.getType().toString())
                    .collect(Collectors.joining(", "));
            return method.getReturnType() == null
                    ? " constructor(" + parameters + ")"
                    : "." + method.getName() + "(" + parameters + ")";
        }

        private Optional<String> since(TreePath path) {
            DocCommentTree comment = docs.getDocCommentTree(path);
            if (comment == null) {
                return Optional.empty();
            }
            return comment.getBlockTags().stream()
                    .filter(tag -> tag.getKind() == DocTree.Kind.SINCE)
                    .map(tag -> ((SinceTree) tag).getBody().stream().map(Object::toString)
                            .collect(Collectors.joining()).trim())
                    .findFirst();
        }

        private String where(Tree tree, String what) {
            long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, tree));
            return unit.getSourceFile().getName().replaceAll(".*/", "") + ":" + line + " " + what;
        }
    }
}
