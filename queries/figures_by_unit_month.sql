-- How do reported figures evolve? Quantities per unit and month.
--
-- One row per (unit, month): how many times a figure with that unit was reported, in how many
-- articles, and the total, smallest, median and largest value. The unit is the counted noun
-- phrase as written (công dân, buổi tuyên truyền, vụ, ...). Percentages are rates, not counts,
-- so they are left out here. Month is YYYY-MM of the article's published_date (NULL if undated).
SELECT q.unit,
       strftime(a.published_date, '%Y-%m') AS month,
       count(*) AS mentions,
       count(DISTINCT q.article_id) AS articles,
       sum(q.value) AS total,
       min(q.value) AS smallest,
       median(q.value) AS median,
       max(q.value) AS largest
FROM 'quantities.parquet' AS q
JOIN 'articles.parquet' AS a USING (article_id)
WHERE q.unit IS NOT NULL AND q.unit <> '%'
GROUP BY q.unit, month
ORDER BY q.unit, month NULLS LAST;
