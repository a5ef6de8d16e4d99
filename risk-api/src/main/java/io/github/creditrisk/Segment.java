package io.github.creditrisk;

/**
 * The customer segments of tiered management: each segment has its own debt-to-income ceiling and its own
 * response to a regional downturn (the numbers live in the rules, not here).
 */
public enum Segment {
    /** An ordinary salaried customer. */
    ORDINARY,
    /** An owner of a small business, whose income follows the business's sales. */
    SMALL_BUSINESS_OWNER,
    /** A high-net-worth customer with substantial assets beside income. */
    HIGH_NET_WORTH,
    /** A first-time borrower with a thin credit file. */
    FIRST_TIME
}
