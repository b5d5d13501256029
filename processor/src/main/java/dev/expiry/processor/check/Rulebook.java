package dev.expiry.processor.check;

import dev.expiry.processor.rules.BasicPromptsBrowser;
import dev.expiry.processor.rules.BearerError;
import dev.expiry.processor.rules.BrowserOnlyPolicy;
import dev.expiry.processor.rules.ChallengeForCsrf;
import dev.expiry.processor.rules.ConflictingPolicies;
import dev.expiry.processor.rules.ExemptionWithoutReason;
import dev.expiry.processor.rules.ForbiddenForExpiry;
import dev.expiry.processor.rules.InvalidParam;
import dev.expiry.processor.rules.InvalidScheme;
import dev.expiry.processor.rules.MissingChallenge;
import dev.expiry.processor.rules.MissingLocation;
import dev.expiry.processor.rules.MissingPolicy;
import dev.expiry.processor.rules.NonStandardStatus;
import dev.expiry.processor.rules.NotAnEndpoint;
import dev.expiry.processor.rules.NotAnErrorStatus;
import dev.expiry.processor.rules.OrphanParams;
import dev.expiry.processor.rules.RedirectForApi;
import dev.expiry.processor.rules.RouteConflict;
import dev.expiry.processor.rules.ServerErrorStatus;
import dev.expiry.processor.rules.StaticDigest;
import dev.expiry.processor.rules.UnknownRuleOption;
import dev.expiry.processor.rules.UnreadableValue;
import dev.expiry.processor.rules.UnsafeLocation;
import dev.expiry.processor.rules.UnusedLocation;
import java.util.List;

/**
 * Every rule the processor applies, in the order their findings are reported: whether the policy
 * could be read at all, where it stands, then its status, its challenge (scheme, params, then what a
 * scheme implies), its location, how the policies of an endpoint fit together, exemptions and
 * coverage, and last the configuration.
 */
public final class Rulebook {

  private static final List<Rule> RULES = List.of(
      new UnreadableValue(),
      new NotAnEndpoint(),
      new NotAnErrorStatus(),
      new NonStandardStatus(),
      new ForbiddenForExpiry(),
      new ServerErrorStatus(),
      new MissingChallenge(),
      new InvalidScheme(),
      new InvalidParam(),
      new OrphanParams(),
      new BasicPromptsBrowser(),
      new BearerError(),
      new StaticDigest(),
      new MissingLocation(),
      new UnusedLocation(),
      new UnsafeLocation(),
      new ConflictingPolicies(),
      new BrowserOnlyPolicy(),
      new RedirectForApi(),
      new ChallengeForCsrf(),
      new ExemptionWithoutReason(),
      new MissingPolicy(),
      new RouteConflict(),
      new UnknownRuleOption());

  private Rulebook() {}

  public static List<Rule> rules() {
    return RULES;
  }
}
