/**
 * The vocabulary of the rules: the facts a DRL rule matches and the findings it inserts.
 *
 * <p>For each borrower evaluated, working memory holds:
 * <ul>
 *   <li>one {@link io.github.creditrisk.drools.facts.Borrower}: the profile with the policy's measurements
 *       already taken (debt service, debt-to-income, active lenders, score drop), the revenue figures over a
 *       window the rules name, and the signals that apply to it today ({@code downturns}, {@code sectorBans}:
 *       active and matching its region or sector);</li>
 *   <li>one {@link io.github.creditrisk.drools.facts.OverdueLoan} per active loan that is past due;</li>
 *   <li>every {@link io.github.creditrisk.ServiceOutage}, current or past.</li>
 * </ul>
 * The facts are not changed by rules: what a rule concludes about them it inserts as a fact of its own, a type
 * the DRL declares. Rules answer by inserting {@link io.github.creditrisk.drools.facts.Restrict} and
 * {@link io.github.creditrisk.drools.facts.Exempt} findings (with {@code insertLogical}, so a finding
 * disappears when what justified it does); the engine turns them into a
 * {@link io.github.creditrisk.Decision} with reasons in the customer's language. A rule that inserts
 * findings names its family with the metadata {@code @family("OVERBORROWING")}; the rule's id is the
 * first word of its name.
 *
 * <p>Nothing here is {@code null} unless documented; the facts are not thread-safe and belong to one
 * evaluation.
 */
@NullMarked
package io.github.creditrisk.drools.facts;

import org.jspecify.annotations.NullMarked;
