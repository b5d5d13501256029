package dev.expiry.processor.write;

import dev.expiry.processor.model.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * One response as the generated code declares it: everything rendered, nothing left to the run
 * time but {@code {path}} and the problem's {@code instance}. Two policies that send the same
 * response are one answer.
 *
 * @param status the status code
 * @param type the problem type
 * @param title the problem title
 * @param detail the problem detail
 * @param challengeHeader {@code WWW-Authenticate} or {@code Proxy-Authenticate}; empty without a challenge
 * @param challenge the rendered challenge, empty when none
 * @param location the {@code Location}, empty when none
 */
public record Answer(int status, String type, String title, String detail, String challengeHeader, String challenge,
    String location) {

  /** The answer a policy sends. */
  public static Answer of(Policy policy) {
    return new Answer(policy.status(), policy.effectiveType(), policy.effectiveTitle(), policy.effectiveDetail(),
        policy.hasChallenge() ? policy.challengeHeader() : "", policy.hasChallenge() ? Challenges.render(policy) : "",
        policy.location());
  }

  /** Header names and values, alternating, as the runtime takes them. */
  public List<String> headers() {
    List<String> headers = new ArrayList<>(4);
    if (!challenge.isEmpty()) {
      headers.add(challengeHeader);
      headers.add(challenge);
    }
    if (!location.isEmpty()) {
      headers.add("Location");
      headers.add(location);
    }
    return headers;
  }
}
