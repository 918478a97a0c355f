-- How many articles does each outlet publish per month?
--
-- One row per (outlet, month): articles and their words. Outlet is '(unknown)' when the
-- pipeline found no evidence of it; month is YYYY-MM of published_date (NULL if undated).
SELECT coalesce(outlet, '(unknown)') AS outlet,
       strftime(published_date, '%Y-%m') AS month,
       count(*) AS articles,
       sum(n_words)::BIGINT AS words
FROM 'articles.parquet'
GROUP BY ALL
ORDER BY outlet, month NULLS LAST;
