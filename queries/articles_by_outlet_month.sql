-- How many articles does each outlet publish per month?
--
-- One row per (outlet, month): articles and their words. Outlet is '(unknown)' when the
-- pipeline found no evidence of it; month is a DATE, the first day of the month of
-- published_date (NULL if undated), so it sorts, filters and joins as a date.
SELECT coalesce(outlet, '(unknown)') AS outlet,
       date_trunc('month', published_date)::DATE AS month,
       count(*) AS articles,
       sum(n_words)::BIGINT AS words
FROM 'articles.parquet'
GROUP BY ALL
ORDER BY outlet, month NULLS LAST;
