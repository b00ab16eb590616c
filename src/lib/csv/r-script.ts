/**
 * An R script that reads the codes export into a labelled data frame `d`: numbers and scale points
 * as numeric vectors (attributes `label`, `labels` for point labels, `na_reason` saying why a value
 * is missing), single choices as factors labelled with their options, texts as character. The
 * script first checks that the CSV's header is the one it was written for.
 */
import type { AnalystVariable, AnalystWords } from './analyst-variables';
import type { SyntaxTarget } from './spss-syntax';

/** An R string literal. */
function str(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

const strings = (texts: readonly string[]) => `c(${texts.map(str).join(', ')})`;

function column(v: AnalystVariable, i: number): string {
	const raw = `raw[[${i + 1}]]`;
	if (!v.missing) return v.type === 'number' ? `as.numeric(${raw})` : v.header === 'submitted_at' ? `as_time(${raw})` : raw;
	const label = str(v.label);
	if (v.type === 'choice') return `as_choice(${raw}, ${label}, ${strings(v.values.map((x) => x.code))}, ${strings(v.values.map((x) => x.label))})`;
	if (v.type === 'text') return `as_text(${raw}, ${label})`;
	const labels = v.values.length ? `, setNames(c(${v.values.map((x) => x.value).join(', ')}), ${strings(v.values.map((x) => x.label))})` : '';
	return `as_points(${raw}, ${label}${labels})`;
}

/** The .R text for the variables of a codes export (UTF-8; `source(file, encoding = "UTF-8")`). */
export function rScript(variables: readonly AnalystVariable[], target: SyntaxTarget, words: AnalystWords): string {
	const reasons = strings([words.notShown, words.notApplicable, words.notAnswered]);
	return `# ${target.title.replace(/\s+/g, ' ')}
# Reads ${target.csvFile} (the codes export) from the working directory into the data frame d.
# Run with source("this file", encoding = "UTF-8") so the labels keep their characters.
raw <- read.csv(${str(target.csvFile)}, fileEncoding = "UTF-8-BOM", encoding = "UTF-8", colClasses = "character",
  na.strings = character(0), check.names = FALSE, strip.white = TRUE)
header <- ${strings(variables.map((v) => v.header))}
if (!identical(names(raw), header)) stop("The CSV's columns are not the ones this script was written for: export them again with the same choices.")

reasons <- ${reasons}
# Why a value is missing: not shown (its display condition did not hold), not applicable, not answered.
na_reason <- function(x) factor(ifelse(x == "NOT_SHOWN", reasons[1], ifelse(x == "N/A", reasons[2], ifelse(x == "", reasons[3], NA))), levels = reasons)
labelled <- function(value, x, label) { attr(value, "label") <- label; attr(value, "na_reason") <- na_reason(x); value }
as_points <- function(x, label, labels = NULL) {
  value <- suppressWarnings(as.numeric(ifelse(x %in% c("NOT_SHOWN", "N/A", ""), NA, x)))
  if (any(is.na(value) & !(x %in% c("NOT_SHOWN", "N/A", "")))) stop(label, ": text where numbers belong; export the CSV with values as codes.")
  if (!is.null(labels)) attr(value, "labels") <- labels
  labelled(value, x, label)
}
as_choice <- function(x, label, codes, labels) labelled(factor(ifelse(x %in% codes, x, NA), levels = codes, labels = labels), x, label)
# Text cells a spreadsheet would run as formulas were written with a leading apostrophe: removed here.
as_text <- function(x, label) labelled(ifelse(x %in% c("NOT_SHOWN", ""), NA, sub("^'(?='*[-=+@\\t\\r]|'*NOT_SHOWN)", "", x, perl = TRUE)), x, label)
as_time <- function(x) as.POSIXct(sub("([+-][0-9]{2}):([0-9]{2})$", "\\\\1\\\\2", x), format = "%Y-%m-%dT%H:%M:%OS%z", tz = "UTC")
# A scale item as a factor of its point labels, e.g. table(points_factor(d$Q1)).
points_factor <- function(value) factor(value, levels = attr(value, "labels"), labels = names(attr(value, "labels")))

d <- data.frame(row.names = seq_len(nrow(raw)))
${variables.map((v, i) => `d[[${str(v.name)}]] <- ${column(v, i)}`).join('\n')}
`;
}
