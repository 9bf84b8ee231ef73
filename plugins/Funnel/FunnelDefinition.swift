// The exact definition of `funnel`, shown by `.help funnel` and repeated in the README.

/// The long help of `funnel`: what is computed, every mode, edge cases and decisions.
enum FunnelDefinition {
    static let text = """
    Per user, the level is exactly ClickHouse's windowFunnel(within, modes…)(time, step1, …, stepN), \
    checked against ClickHouse 26.9 on thousands of random cases.

    Rows with a null user or time are ignored; a row on which any step predicate is null is ignored \
    entirely. Every (row, step) match is an item; under strict_order a row matching no step is an item \
    with step 0. Items are sorted by time, then step number, then input row order, and scanned keeping \
    chains (a start = its step-1 time, a last time, the rows used, a level):
    - a step-0 item ends the scan if a step-1 item was read, else it is skipped;
    - a step-1 item starts a new chain at level 1;
    - a step-k item (k ≥ 2): under strict_deduplication, if a chain is already at level k the scan ends; \
    otherwise under strict_order, if a step-1 item was read and no chain is at level k−1, the scan ends \
    (allow_reentry, which requires strict_order, skips the item instead); otherwise it extends every \
    chain at level k−1 whose start + within ≥ its time (inclusive), under strict_increase only if the \
    chain's last time is earlier, under strict_once only if its row is not in the chain yet.
    Under strict_once every chain is kept; otherwise only the newest chain of each level (so each step-1 \
    item restarts, and with strict_increase a@0, a@5, b@5 within 10 gives 1, as in ClickHouse). The scan \
    also ends once a chain reaches the last step. The level is the highest level of a kept chain.

    Output: one row per step with users = users whose level ≥ step; conversion_from_previous (null for \
    step 1) and conversion_from_first are ratios of users, null when the denominator is 0; drop_off = \
    previous users − users (null for step 1). median_time_from_previous and mean_time_from_previous \
    (null for step 1 and when nobody reached the step) are measured per user on one chain: the kept \
    chain that reached the user's level first (ties: earliest start); they are whole microseconds, \
    rounded half up, and the median of an even count is the mean of the middle two. Users with level 0 \
    are in no step row. Input with no rows gives no rows.

    per_user: true gives one row per user instead: user (the user column's type) and level (0…n), users \
    in order of their first row that is not ignored; users whose rows are all ignored are absent.

    Equal times: strict_order and the stops are judged over the rows given to the stage (a preceding \
    where changes them), and under strict_once with strict_deduplication rows of equal time are taken \
    in table order (ClickHouse agrees single-threaded; its parallel runs do not fix an order). A date \
    time column counts as local midnight in UTC days (within is compared in microseconds).
    """
}
