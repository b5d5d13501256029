package dev.expiry.processor.check;

import dev.expiry.processor.rules.BrowserOnlyPolicy;
import dev.expiry.processor.rules.ChallengeForCsrf;
import dev.expiry.processor.rules.ConflictingPolicies;
import dev.expiry.processor.rules.InvalidParam;
import dev.expiry.processor.rules.InvalidScheme;
import dev.expiry.processor.rules.MissingChallenge;
import dev.expiry.processor.rules.MissingLocation;
import dev.expiry.processor.rules.NotAnEndpoint;
import dev.expiry.processor.rules.NotAnErrorStatus;
import dev.expiry.processor.rules.RedirectForApi;
import dev.expiry.processor.rules.UnknownRuleOption;
import dev.expiry.processor.rules.UnsafeLocation;
import java.util.List;
import java.util.Optional;

/** Every rule the processor applies, in the order their findings are reported. */
public final class Rulebook {

  private static final List<Rule> RULES = List.of(
      new NotAnEndpoint(),
      new NotAnErrorStatus(),
      new MissingChallenge(),
      new InvalidScheme(),
      new InvalidParam(),
      new MissingLocation(),
      new UnsafeLocation(),
      new ConflictingPolicies(),
      new BrowserOnlyPolicy(),
      new RedirectForApi(),
      new ChallengeForCsrf(),
      new UnknownRuleOption());

  private Rulebook() {}

  public static List<Rule> rules() {
    return RULES;
  }

  public static Optional<Rule> byId(String id) {
    return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
