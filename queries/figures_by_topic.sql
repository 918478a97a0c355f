-- Trend of two figures analysts follow: military recruits and propaganda sessions.
--
-- One row per (topic, province, year): the figures reported, summed, with the articles they came
-- from. The topic is decided from the counted noun and the sentence the figure came from, in
-- general Vietnamese terms rather than any portal's wording (counts only: unit NULL):
--   recruits            noun công dân / thanh niên / tân binh in a sentence about military
--                       service (nhập ngũ, giao quân, tuyển quân, nghĩa vụ quân sự)
--   propaganda_sessions noun containing "tuyên truyền", or buổi / cuộc in a sentence about it
-- An article counts for every province it names. Undated articles have year NULL.
WITH tagged AS (
    SELECT q.article_id, q.value, q.noun, q.mention,
           CASE
               WHEN regexp_matches(lower(q.noun), '^(công dân|thanh niên|tân binh)')
                    AND regexp_matches(lower(q.sentence), 'nhập ngũ|giao quân|tuyển quân|nghĩa vụ quân sự')
                   THEN 'recruits'
               WHEN regexp_matches(lower(q.noun), 'tuyên truyền')
                    OR (regexp_matches(lower(q.noun), '^(buổi|cuộc)')
                        AND regexp_matches(lower(q.sentence), 'tuyên truyền'))
                   THEN 'propaganda_sessions'
           END AS topic
    FROM 'quantities.parquet' AS q
    WHERE q.unit IS NULL AND q.noun IS NOT NULL
),
placed AS (
    SELECT t.*, year(a.published_date) AS year, unnest(a.provinces) AS province
    FROM tagged AS t
    JOIN 'articles.parquet' AS a USING (article_id)
    WHERE t.topic IS NOT NULL
)
SELECT topic,
       province,
       year,
       sum(value) AS total,
       count(*) AS mentions,
       count(DISTINCT article_id) AS articles,
       list(DISTINCT mention ORDER BY mention) AS examples
FROM placed
GROUP BY topic, province, year
ORDER BY topic, province, year NULLS LAST;
