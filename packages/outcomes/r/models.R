# Expected values for packages/outcomes/src/models/*.test.ts.
#
# Run from the repository root:  Rscript packages/outcomes/r/models.R
# Writes the datasets to r/data/*.csv and the expected values to r/expected/*.json, so the
# tests run without R. Every model is fitted on the data as read back from the committed CSV,
# so the expected values describe exactly the files the tests read (factor levels sorted as
# read.csv sorts them).
suppressMessages(library(survival))
dir <- "packages/outcomes/r"
stopifnot(dir.exists(dir))

# --- data -------------------------------------------------------------------------------
write.csv(survival::lung, file.path(dir, "data/lung.csv"), row.names = FALSE, na = "")
write.csv(survival::veteran, file.path(dir, "data/veteran.csv"), row.names = FALSE, na = "")

# Heavy ties: 80 people, times 1..5 only, so every event time carries many tied events.
set.seed(20261201)
n <- 80
ties <- data.frame(
  time = sample(1:5, n, replace = TRUE),
  arm = rep(0:1, each = n / 2),
  group = sample(c("a", "b", "c"), n, replace = TRUE),
  score = sample(1:5, n, replace = TRUE)
)
ties$status <- rbinom(n, 1, plogis(-0.3 + 0.8 * ties$arm + 0.2 * ties$score))
write.csv(ties, file.path(dir, "data/ties.csv"), row.names = FALSE)

lung <- read.csv(file.path(dir, "data/lung.csv"), stringsAsFactors = TRUE)
veteran <- read.csv(file.path(dir, "data/veteran.csv"), stringsAsFactors = TRUE)
ties <- read.csv(file.path(dir, "data/ties.csv"), stringsAsFactors = TRUE)
lung$event <- as.integer(lung$status == 2)
lung$female <- as.integer(lung$sex == 2)
veteran$trt2 <- as.integer(veteran$trt == 2)

# --- a small JSON writer (jsonlite is not assumed) ---------------------------------------
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
json <- function(x) {
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, json, ""), collapse = ","), "]"))
    return(paste0("{", paste0('"', names(x), '":', vapply(x, json, ""), collapse = ","), "}"))
  }
  if (length(x) == 0) return("[]")
  if (is.character(x)) {
    s <- paste0('"', x, '"')
  } else if (is.logical(x)) {
    s <- ifelse(x, "true", "false")
  } else {
    s <- num(x)
  }
  if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ","), "]")
}
arr <- function(x) structure(x, array = TRUE)
write_json <- function(x, name) writeLines(json(x), file.path(dir, "expected", name))

# --- Cox proportional hazards (Efron) and cox.zph ("km") --------------------------------
cox_case <- function(name, formula, data, covariates) {
  fit <- coxph(formula, data = data, ties = "efron", model = TRUE, x = TRUE, y = TRUE)
  s <- summary(fit)$coefficients
  ci <- summary(fit)$conf.int
  zph <- cox.zph(fit, transform = "km")$table
  list(
    name = name, covariates = arr(covariates),
    columns = arr(names(coef(fit))),
    n = fit$n, events = fit$nevent, iterations = fit$iter,
    coef = arr(unname(coef(fit))), se = arr(unname(s[, "se(coef)"])),
    hr = arr(unname(s[, "exp(coef)"])), lower = arr(unname(ci[, "lower .95"])),
    upper = arr(unname(ci[, "upper .95"])), p = arr(unname(s[, "Pr(>|z|)"])),
    loglik = arr(fit$loglik),
    zph = list(terms = arr(rownames(zph)), chisq = arr(unname(zph[, "chisq"])),
               df = arr(unname(zph[, "df"])), p = arr(unname(zph[, "p"])))
  )
}
cox <- list(
  cox_case("lung unadjusted", Surv(time, event) ~ female, lung, c("female")),
  cox_case("lung adjusted", Surv(time, event) ~ female + age + ph.ecog, lung,
           c("female", "age", "ph.ecog")),
  cox_case("veteran adjusted", Surv(time, status) ~ trt2 + celltype + karno, veteran,
           c("trt2", "celltype", "karno")),
  cox_case("veteran unadjusted", Surv(time, status) ~ trt2, veteran, c("trt2")),
  cox_case("ties adjusted", Surv(time, status) ~ arm + group + score, ties,
           c("arm", "group", "score")),
  cox_case("ties unadjusted", Surv(time, status) ~ arm, ties, c("arm"))
)
write_json(cox, "cox.json")

# --- logistic regression and the g-computation risk difference --------------------------
# The delta method by hand: RD = mean(p1) - mean(p0), where p1 / p0 are the predictions with
# the treatment set to 1 / 0 for everyone; its gradient in beta is
# mean(p1 (1 - p1) x1) - mean(p0 (1 - p0) x0), and var(RD) = g' V g with V = vcov(glm).
gcomp_case <- function(name, formula, data, treatment, covariates) {
  fit <- glm(formula, data = data, family = binomial())
  used <- model.frame(fit)
  x1 <- model.matrix(fit); x1[, treatment] <- 1
  x0 <- model.matrix(fit); x0[, treatment] <- 0
  b <- coef(fit)
  p1 <- plogis(drop(x1 %*% b)); p0 <- plogis(drop(x0 %*% b))
  rd <- mean(p1) - mean(p0)
  g <- colMeans(p1 * (1 - p1) * x1) - colMeans(p0 * (1 - p0) * x0)
  se <- sqrt(drop(t(g) %*% vcov(fit) %*% g))
  z <- qnorm(0.975)
  list(
    name = name, treatment = treatment, covariates = arr(covariates),
    columns = arr(names(b)), n = nrow(used), iterations = fit$iter,
    coef = arr(unname(b)), se = arr(unname(sqrt(diag(vcov(fit))))),
    deviance = fit$deviance,
    risk1 = mean(p1), risk0 = mean(p0), rd = rd, rdSe = se,
    lower = rd - z * se, upper = rd + z * se
  )
}
lung$dead1y <- as.integer(lung$status == 2 & lung$time <= 365)
veteran$early <- as.integer(veteran$time <= 90)
logit <- list(
  gcomp_case("lung adjusted", dead1y ~ female + age + ph.ecog, lung, "female",
             c("age", "ph.ecog")),
  gcomp_case("lung unadjusted", dead1y ~ female, lung, "female", character(0)),
  gcomp_case("veteran adjusted", early ~ trt2 + celltype + karno, veteran, "trt2",
             c("celltype", "karno")),
  gcomp_case("ties adjusted", status ~ arm + group + score, ties, "arm", c("group", "score"))
)
write_json(logit, "logistic.json")

# --- power.prop.test ---------------------------------------------------------------------
cases <- list(
  c(0.2, 0.3, 0.8), c(0.2, 0.3, 0.9), c(0.3, 0.4, 0.8), c(0.4, 0.5, 0.8), c(0.1, 0.2, 0.8),
  c(0.25, 0.35, 0.9), c(0.05, 0.1, 0.8), c(0.5, 0.6, 0.9), c(0.3, 0.45, 0.8),
  c(0.4, 0.3, 0.8), c(0.15, 0.25, 0.9), c(0.6, 0.8, 0.8), c(0.3, 0.4, 0.9), c(0.4, 0.55, 0.9)
)
sizes <- lapply(cases, function(k) {
  r <- power.prop.test(p1 = k[1], p2 = k[2], power = k[3])
  exact <- power.prop.test(p1 = k[1], p2 = k[2], power = k[3], tol = 1e-12)
  list(p1 = k[1], p2 = k[2], power = k[3], n = r$n, nPerArm = ceiling(r$n), nExact = exact$n)
})
detect <- list(c(50, 0.2, 0.8), c(100, 0.3, 0.8), c(200, 0.25, 0.9), c(30, 0.1, 0.8),
               c(500, 0.4, 0.8), c(80, 0.35, 0.9), c(12, 0.5, 0.8))
detectable <- lapply(detect, function(k) {
  r <- power.prop.test(n = k[1], p1 = k[2], power = k[3], tol = 1e-12)
  list(n = k[1], p1 = k[2], power = k[3], p2 = r$p2)
})
write_json(list(sizes = sizes, detectable = detectable), "power.json")
cat("wrote", file.path(dir, "expected"), "\n")
