package dev.expiry.processor;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * A processor run the way Gradle runs an incremental one: behind a {@link ProcessingEnvironment}
 * and a {@link Filer} of its own that delegate to javac's, so that javac's own classes (and with
 * them {@code com.sun.source.util.Trees}) are out of the processor's reach. The Filer records, for
 * each file created, the binary names of the originating elements the processor named.
 */
final class WrappedProcessor implements Processor {

  private final Processor delegate;
  /**
   * Each file created, as {@code resource CLASS_OUTPUT/META-INF/expiry/policies} (or {@code source
   * <name>}, {@code class <name>}), with the originating elements named for it.
   */
  final Map<String, Set<String>> originating = new TreeMap<>();
  /** The annotation types javac handed the processor, over all rounds: what Gradle looks at. */
  final Set<String> annotationsSeen = new java.util.TreeSet<>();

  WrappedProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    delegate.init(new Environment(env, new RecordingFiler(env.getFiler(), env.getElementUtils())));
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    annotations.forEach(a -> annotationsSeen.add(a.getQualifiedName().toString()));
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
      ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  private record Environment(ProcessingEnvironment env, Filer filer) implements ProcessingEnvironment {
    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }
  }

  private final class RecordingFiler implements Filer {
    private final Filer filer;
    private final Elements elements;

    RecordingFiler(Filer filer, Elements elements) {
      this.filer = filer;
      this.elements = elements;
    }

    private void record(String file, Element[] origins) {
      Set<String> names = originating.computeIfAbsent(file, f -> new LinkedHashSet<>());
      for (Element e : origins) {
        names.add(e instanceof TypeElement t ? elements.getBinaryName(t).toString() : e.toString());
      }
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
      record("source " + name, originatingElements);
      return filer.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
      record("class " + name, originatingElements);
      return filer.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence pkg, CharSequence relativeName,
        Element... originatingElements) throws IOException {
      record("resource " + location.getName() + "/" + (pkg.length() == 0 ? "" : pkg.toString().replace('.', '/') + "/")
          + relativeName, originatingElements);
      return filer.createResource(location, pkg, relativeName, originatingElements);
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence pkg, CharSequence relativeName)
        throws IOException {
      return filer.getResource(location, pkg, relativeName);
    }
  }
}
