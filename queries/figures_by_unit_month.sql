-- How do reported figures evolve? Figures per unit, counted noun and month.
--
-- One row per (unit, noun, month): how many times such a figure was reported, in how many
-- articles, and the total, smallest, median and largest value. `unit` is the unit of measure
-- (đồng, kg, ...; NULL for a count of things) and `noun` what is counted or measured (công dân,
-- buổi tuyên truyền, ma túy, ...; NULL when nothing is named, as in `4 tỷ đồng`), so each row adds
-- up like with like. Percentages are rates, not amounts: they are left out here. Month is a DATE,
-- the first day of the month of the article's published_date (NULL if undated).
SELECT q.unit,
       q.noun,
       date_trunc('month', a.published_date)::DATE AS month,
       count(*) AS mentions,
       count(DISTINCT q.article_id) AS articles,
       sum(q.value) AS total,
       min(q.value) AS smallest,
       median(q.value) AS median,
       max(q.value) AS largest
FROM 'quantities.parquet' AS q
JOIN 'articles.parquet' AS a USING (article_id)
WHERE q.unit IS DISTINCT FROM '%'
GROUP BY q.unit, q.noun, month
ORDER BY q.unit NULLS FIRST, q.noun NULLS FIRST, month NULLS LAST;
