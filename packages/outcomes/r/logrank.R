# Expected values for packages/outcomes/src/logrank.test.ts: R's survdiff (rho = 0), the
# log-rank test over k groups with the hypergeometric covariance and k - 1 degrees of freedom.
#
# Run from the repository root:  Rscript packages/outcomes/r/logrank.R
# Reads the datasets models.R wrote to r/data/*.csv (lung, veteran, ties), so the tests read
# exactly the rows these values describe. Groups are given in sorted order of their value.
suppressMessages(library(survival))
dir <- "packages/outcomes/r"
stopifnot(dir.exists(dir))

num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
json <- function(x) {
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, json, ""), collapse = ","), "]"))
    return(paste0("{", paste0('"', names(x), '":', vapply(x, json, ""), collapse = ","), "}"))
  }
  if (length(x) == 0) return("[]")
  if (is.character(x)) s <- paste0('"', x, '"') else s <- num(x)
  if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ","), "]")
}
arr <- function(x) structure(x, array = TRUE)

lung <- read.csv(file.path(dir, "data/lung.csv"))
veteran <- read.csv(file.path(dir, "data/veteran.csv"))
ties <- read.csv(file.path(dir, "data/ties.csv"))

# status: lung 1 = censored, 2 = dead; veteran and ties 1 = event, 0 = censored.
lung$event <- lung$status == 2
veteran$event <- veteran$status == 1
ties$event <- ties$status == 1

test <- function(name, data, file, group) {
  data <- data[!is.na(data[[group]]), ]
  g <- factor(data[[group]])
  fit <- survdiff(Surv(data$time, data$event) ~ g)
  df <- length(fit$n) - 1
  list(
    name = name,
    file = file,
    group = group,
    groups = arr(as.character(levels(g))),
    n = arr(as.numeric(fit$n)),
    observed = arr(as.numeric(fit$obs)),
    expected = arr(as.numeric(fit$exp)),
    chisq = fit$chisq,
    df = df,
    p = pchisq(fit$chisq, df, lower.tail = FALSE)
  )
}

cases <- list(
  test("lung by ph.ecog (4 groups)", lung, "lung.csv", "ph.ecog"),
  test("lung by sex (2 groups)", lung, "lung.csv", "sex"),
  test("veteran by celltype (4 groups)", veteran, "veteran.csv", "celltype"),
  test("ties by group (3 groups, heavy ties)", ties, "ties.csv", "group"),
  test("ties by arm (2 groups)", ties, "ties.csv", "arm")
)
writeLines(json(cases), file.path(dir, "expected", "logrank.json"))
