# Cohort change per instrument scale from a Bondgenoot research dataset (Frictionless Data Package, ZIP).
#   Rscript docs/research/analysis.R research-xxxxxxxx.zip
# Same definition as docs/research/analysis.py and the app: the family is the unit; per family, instrument and
# scale the mean change from T0 over its respondents at each wave, its latest wave counting; reliable
# improvement when the change, signed so that positive is better, exceeds 1.96 * s_diff (Jacobson & Truax).
# Needs jsonlite only (base R otherwise).

args <- commandArgs(trailingOnly = TRUE)
zip_path <- args[1]
dir <- tempfile("bondgenoot")
unzip(zip_path, exdir = dir)
package <- jsonlite::fromJSON(file.path(dir, "datapackage.json"), simplifyVector = FALSE)

read_table <- function(name) {
  resource <- Filter(function(r) r$name == name, package$resources)[[1]]
  missing <- unlist(resource$schema$missingValues)
  read.csv(file.path(dir, resource$path), na.strings = missing, stringsAsFactors = FALSE)
}

waves <- c("t0", "t1", "t2", "end", "follow_up")
scores <- read_table("scale_scores")
scales <- read_table("scales")
scores <- scores[!is.na(scores$change_from_t0), ]

per_wave <- aggregate(change_from_t0 ~ family + instrument + scale + wave, data = scores, FUN = mean)
per_wave$order <- match(per_wave$wave, waves)
per_wave <- per_wave[order(per_wave$family, per_wave$instrument, per_wave$scale, -per_wave$order), ]
latest <- per_wave[!duplicated(per_wave[, c("family", "instrument", "scale")]), ]

scales <- scales[order(scales$instrument, scales$scale, -scales$instrument_version), ]
norms <- scales[!duplicated(scales[, c("instrument", "scale")]), c("instrument", "scale", "s_diff", "higher_is_better")]
merged <- merge(latest, norms, by = c("instrument", "scale"), all.x = TRUE)
higher <- merged$higher_is_better %in% c(TRUE, "true")
merged$rc <- merged$change_from_t0 * ifelse(higher, 1, -1) / merged$s_diff
merged$classified <- !is.na(merged$s_diff)
merged$improved <- !is.na(merged$rc) & merged$rc > 1.96

result <- do.call(rbind, lapply(split(merged, list(merged$instrument, merged$scale), drop = TRUE), function(g) {
  data.frame(
    instrument = g$instrument[1], scale = g$scale[1], n_families = length(unique(g$family)),
    mean_change = mean(g$change_from_t0), n_classified = sum(g$classified),
    share_improved = if (sum(g$classified) > 0) sum(g$improved) / sum(g$classified) else NA
  )
}))
print(result, row.names = FALSE)
