package dev.expiry.processor;

import dev.expiry.processor.check.Rule;
import dev.expiry.processor.check.Rulebook;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The processor jar's command line: the page of a rule, where its diagnostic is read.
 *
 * <pre>
 * java -jar expiry-processor-0.1.0-SNAPSHOT.jar explain MissingChallenge
 * java -jar expiry-processor-0.1.0-SNAPSHOT.jar rules
 * </pre>
 *
 * The pages ship in the jar, under {@value #PAGES}.
 */
public final class Explain {

  /** Where the rule pages are inside the jar. */
  static final String PAGES = "META-INF/expiry/rules/";

  private Explain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command; the exit status: 0, or 2 for a command or rule it does not know. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 2 && args[0].equals("explain")) {
      Optional<Rule> rule = Rulebook.rules().stream().filter(r -> r.id().equals(args[1])).findFirst();
      if (rule.isEmpty()) {
        err.println("No rule is named " + args[1] + didYouMean(args[1]) + ".");
        err.println();
        listRules(err);
        return 2;
      }
      String page = page(rule.get());
      if (page == null) {
        err.println("The page of " + rule.get().id() + " is missing from this jar (" + PAGES + rule.get().id() + ".md).");
        return 1;
      }
      out.print(page);
      return 0;
    }
    if (args.length == 1 && args[0].equals("rules")) {
      listRules(out);
      return 0;
    }
    boolean help = args.length == 1 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"));
    PrintStream to = help ? out : err;
    to.println("Expiry annotation processor " + version());
    to.println();
    to.println("Usage:");
    to.println("  java -jar " + jarName() + " explain <RuleId>   print the page of a rule, as its diagnostics name it");
    to.println("  java -jar " + jarName() + " rules              list the rules");
    to.println();
    to.println("As an annotation processor, put the jar on javac's processor path (Maven: annotationProcessorPaths).");
    return help ? 0 : 2;
  }

  /** The command a diagnostic names for its rule's page. */
  public static String command(String ruleId) {
    return "java -jar " + jarName() + " explain " + ruleId;
  }

  private static void listRules(PrintStream to) {
    to.println("Rules (default severity):");
    for (Rule r : Rulebook.rules()) {
      to.printf(Locale.ROOT, "  %-24s %-8s %s%n", r.id(), r.defaultSeverity().optionValue(), r.summary());
    }
  }

  private static String didYouMean(String id) {
    return Rulebook.rules().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst()
        .map(r -> " (did you mean " + r.id() + "? names are case-sensitive)").orElse("");
  }

  /** The rule's page as it ships in the jar, or {@code null}. */
  static String page(Rule rule) {
    try (InputStream in = Explain.class.getClassLoader().getResourceAsStream(PAGES + rule.id() + ".md")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code expiry-processor-0.1.0-SNAPSHOT.jar}. */
  static String jarName() {
    return "expiry-processor-" + version() + ".jar";
  }

  static String version() {
    return dev.expiry.processor.write.PolicyFileWriter.processorVersion();
  }
}
