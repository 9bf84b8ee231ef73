#!/usr/bin/env python3
"""Polars' side: `read_csv` into an eager DataFrame, each metric as one lazy query collected.

usage: polars_worker.py load|metrics CSV_PATH   (output: see worker_common.py)
"""
import sys

import polars as pl

import worker_common as common

# UTC day numbers: the timestamps are parsed as Datetime(us, UTC), so integer division is exact.
DAY = (pl.col("ts").dt.epoch("us") // common.US_PER_DAY).alias("d")


def load(path):
    return pl.read_csv(path, try_parse_dates=True)


def dau(df):
    out = df.lazy().group_by(DAY).agg(pl.col("user_id").n_unique()).collect()
    return out, lambda o: common.canonical_dau(o.rows())


def retention(df):
    ud = df.lazy().select("user_id", DAY).unique()
    cells = (ud.with_columns(c=pl.col("d").min().over("user_id"))
               .with_columns(k=pl.col("d") - pl.col("c"))
               .filter(pl.col("k") <= common.RETENTION_HORIZON)
               .group_by("c", "k").len())
    out, last = pl.collect_all([cells, df.lazy().select(DAY.max())])
    return (out, last.item()), lambda r: common.canonical_retention(r[0].rows(), r[1])


def funnel(df):
    # windowFunnel's default mode (see duckdb_worker.py): per user in (time, step) order, s_j is
    # the latest start of a chain reaching step j; times only grow within a user, so the latest
    # start so far is a forward fill.
    w = common.FUNNEL_WINDOW_US
    steps = {name: i + 1 for i, name in enumerate(common.FUNNEL_STEPS)}
    step, t = pl.col("step"), pl.col("t")

    def reach(j, previous):
        return pl.when((step == j) & (t - pl.col(previous) <= w)).then(pl.col(previous))

    levels = (df.lazy()
              .filter(pl.col("event").is_in(list(steps)) & pl.col("user_id").is_not_null() & pl.col("ts").is_not_null())
              .select("user_id", t=pl.col("ts").dt.epoch("us"),
                      step=pl.col("event").replace_strict(steps, return_dtype=pl.Int8))
              .sort("user_id", "t", "step")
              .with_columns(s1=pl.when(step == 1).then(t).forward_fill().over("user_id"))
              .with_columns(s2=reach(2, "s1").forward_fill().over("user_id"))
              .with_columns(s3=reach(3, "s2").forward_fill().over("user_id"))
              .with_columns(level=pl.when(reach(4, "s3").is_not_null()).then(4)
                            .when(pl.col("s3").is_not_null()).then(3)
                            .when(pl.col("s2").is_not_null()).then(2)
                            .when(pl.col("s1").is_not_null()).then(1).otherwise(0))
              .group_by("user_id").agg(pl.col("level").max())
              .group_by("level").len()
              .collect())
    return levels, lambda o: common.canonical_funnel_from_levels(dict(o.rows()))


def rfm(df):
    purchases = df.lazy().filter((pl.col("event") == "purchase") & pl.col("user_id").is_not_null()
                                 & pl.col("ts").is_not_null()).with_columns(DAY)
    users = (purchases.group_by("user_id")
             .agg(recency=pl.col("d").max(), frequency=pl.len(), monetary=pl.col("amount").sum())
             .with_columns(recency=purchases.select(pl.col("d").max() + 1).collect().item() - pl.col("recency"))
             .collect())
    n = users.height
    indices = common.cut_indices(n)

    def scored(values):
        cuts = values.sort().gather(indices)
        return 1 + pl.sum_horizontal([(values > cut).cast(pl.Int8) for cut in cuts])

    out = users.with_columns(r=scored(-users["recency"]), f=scored(users["frequency"]), m=scored(users["monetary"]))
    return out, lambda o: common.canonical_rfm(*(o[c].to_list() for c in
                                                 ("user_id", "recency", "frequency", "monetary", "r", "f", "m")))


def nps(df):
    s = pl.col("score")
    counts = [pl.len().alias("n"), (s >= 9).sum().alias("p"), s.is_between(7, 8).sum().alias("pa"),
              (s <= 6).sum().alias("d")]
    surveys = df.lazy().filter((pl.col("event") == "nps_survey") & s.is_not_null())
    overall, by = pl.collect_all([surveys.select(counts), surveys.group_by("channel").agg(counts)])
    return (overall, by), lambda r: {"overall": common.nps_row(*r[0].row(0)),
                                     "by": {str(row[0]): common.nps_row(*row[1:]) for row in r[1].rows()}}


if __name__ == "__main__":
    sys.exit(common.run_worker("polars_worker.py", pl.__version__, load,
                               {"dau": dau, "retention": retention, "funnel": funnel, "rfm": rfm, "nps": nps}))
