/*
 * Topdown Forecast: the plain C reference loop that `npm run bench` measures the engine against.
 *
 * It runs the engine's semantics for the models the benchmark uses (open deals only, fixed conversion
 * rates, no new pipeline, no shared shocks, no close windows), written as a straightforward loop over
 * trials and deals, compiled with the usual optimizations: the speed a simple native program gets.
 * Per trial and deal (README, "Exact semantics", rules 1-4):
 *   - the total time in the current stage is lognormal conditioned on exceeding the days already spent
 *     (inverse CDF on the upper tail: survival(t) x v), the deal stays for that minus t;
 *   - on leaving stage j it advances with probability conversion[j], else it is lost;
 *   - later stages take unconditioned lognormal times; advancing out of the last stage wins it;
 *   - close day = floor(sum of remaining times), counted in the fiscal quarter containing it;
 *   - cost: cost per day x days after asOf, plus the entry cost of each stage entered after asOf,
 *     by stage, by stage for deals that end lost, and by the fiscal quarter it is spent in (each stay
 *     split over the quarters it spans; the entry cost in the quarter of the stay's first day);
 *   - what the engine also counts per deal and trial: the deals reaching each stage, the wins per
 *     quarter, and each deal's close-day histogram (daily over the horizon, then weekly).
 * It collects everything the engine collects for such a model, so the two do the same work.
 * It draws the same random numbers as the engine (the counter-based hash of seed, block, trial, deal
 * and draw index), but computes every quantile exactly instead of from the engine's tables, so its
 * figures agree with an engine run to about 1e-4 and any larger gap is a semantic difference.
 *
 * Input: the text that cli/bench-reference.ts writes from a compiled model. Usage:
 *   reference-loop INPUT TRIALS
 * Output: one line, "seconds=<compute CPU time> q0mean=<mean bookings of the first quarter>
 *   wins=<expected wins> cost=<expected cost, all stages> spend0=<expected spend in the first quarter>
 *   wall=<compute wall time> lost=<expected cost of deals that end lost>".
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BLOCK_TRIALS 250
#define GOLDEN ((int32_t)0x9e3779b9u)
#define SALT_BLOCK 0x632be5ab

/* Wellons' lowbias32, on the bits of a 32-bit signed integer, as the engine's hash32. */
static inline int32_t hash32(int32_t value) {
  uint32_t x = (uint32_t)value;
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return (int32_t)x;
}

static inline int32_t wrap_add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static inline int32_t wrap_mul(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }

static inline int32_t combine_keys(int32_t a, int32_t b) { return hash32(a ^ hash32(wrap_add(b, GOLDEN))); }

/* Draw number `index` of stream `key`: uniform on 2^32 evenly spaced points strictly inside (0, 1). */
static inline double uniform_at(int32_t key, int index) {
  return (double)hash32(wrap_add(key, wrap_mul(index + 1, GOLDEN))) * 0x1p-32 + (0.5 + 0x1p-33);
}

/* The standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9). */
static double normal_quantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double low = 0.02425;
  if (p < low) {
    double q = sqrt(-2 * log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -normal_quantile(1 - p);
  double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/* The z with P(Z > z) = s, precise for tiny s (no 1 - s cancellation). */
static inline double normal_upper_quantile(double s) { return -normal_quantile(s); }

/* Adds a stay from day `from` to day `to` (offsets from asOf) to the quarters it spans (column H: beyond the horizon). */
static void add_spend(double *spend, const int *quarter_of_day, const int *quarter_end, int H, int horizon_days,
                      double from, double to, double per_day, double entry) {
  int q = from < horizon_days ? quarter_of_day[(int)from] : H;
  spend[q] += entry;
  double start = from;
  while (q < H && to > quarter_end[q]) {
    spend[q] += per_day * (quarter_end[q] - start);
    start = quarter_end[q];
    q++;
  }
  spend[q] += per_day * (to - start);
}

static void fail(const char *what) {
  fprintf(stderr, "reference-loop: %s\n", what);
  exit(2);
}

int main(int argc, char **argv) {
  if (argc != 3) fail("usage: reference-loop INPUT TRIALS");
  FILE *in = fopen(argv[1], "r");
  if (!in) fail("cannot open the input");
  const int trials = atoi(argv[2]);
  int S, N, H, horizon_days, seed_key, bins;
  if (fscanf(in, "%d %d %d %d %d %d", &S, &N, &H, &horizon_days, &seed_key, &bins) != 6) fail("bad header");
  double *mu = malloc(S * sizeof(double)), *sigma = malloc(S * sizeof(double));
  double *conversion = malloc(S * sizeof(double)), *cost_per_day = malloc(S * sizeof(double));
  double *entry_cost = malloc(S * sizeof(double));
  for (int j = 0; j < S; j++)
    if (fscanf(in, "%lf %lf %lf %lf %lf", &mu[j], &sigma[j], &conversion[j], &cost_per_day[j], &entry_cost[j]) != 5) fail("bad stage");
  /* Quarter q covers day offsets [quarter_end[q-1], quarter_end[q]); the first starts at 0. */
  int *quarter_end = malloc(H * sizeof(int));
  for (int q = 0; q < H; q++)
    if (fscanf(in, "%d", &quarter_end[q]) != 1) fail("bad quarter");
  int *quarter_of_day = malloc((horizon_days + 1) * sizeof(int));
  for (int day = 0, q = 0; day < horizon_days; day++) {
    while (q < H - 1 && day >= quarter_end[q]) q++;
    quarter_of_day[day] = q;
  }
  int *stage = malloc(N * sizeof(int)), *deal_key = malloc(N * sizeof(int));
  double *days_in = malloc(N * sizeof(double)), *amount = malloc(N * sizeof(double));
  double *survival = malloc(N * sizeof(double));
  for (int i = 0; i < N; i++) {
    if (fscanf(in, "%d %lf %lf %d", &stage[i], &days_in[i], &amount[i], &deal_key[i]) != 4) fail("bad deal");
    int k = stage[i];
    survival[i] = days_in[i] > 0 ? 0.5 * erfc((log(days_in[i]) - mu[k]) / sigma[k] / M_SQRT2) : 1;
  }
  fclose(in);

  const int columns = H + 1;
  double *bookings = calloc((size_t)trials * columns, sizeof(double));
  double *cost = calloc(S, sizeof(double)), *lost_cost = calloc(S, sizeof(double));
  double *reached = calloc(S + 1, sizeof(double)), *quarter_wins = calloc(columns, sizeof(double));
  double *spend = calloc(columns, sizeof(double)), *stay = malloc(S * sizeof(double));
  uint32_t *histogram = calloc((size_t)N * bins, sizeof(uint32_t));
  double wins = 0;
  struct timespec start, end, wall_start, wall_end;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
  clock_gettime(CLOCK_MONOTONIC, &wall_start);
  for (int t = 0; t < trials; t++) {
    int32_t block_key = combine_keys(seed_key, wrap_add(t / BLOCK_TRIALS, SALT_BLOCK));
    int32_t trial_key = hash32(wrap_add(block_key, wrap_mul(t % BLOCK_TRIALS + 1, GOLDEN)));
    double *row = bookings + (size_t)t * columns;
    for (int i = 0; i < N; i++) {
      int32_t base = hash32(trial_key ^ deal_key[i]);
      int k = stage[i];
      double v = uniform_at(base, 2 * k);
      double total_in_stage = exp(mu[k] + sigma[k] * normal_upper_quantile(survival[i] * v));
      double time = total_in_stage > days_in[i] ? total_in_stage - days_in[i] : 0;
      cost[k] += cost_per_day[k] * time;
      stay[k] = cost_per_day[k] * time;
      add_spend(spend, quarter_of_day, quarter_end, H, horizon_days, 0, time, cost_per_day[k], 0);
      reached[k] += 1;
      int j = k, won = 0;
      while (uniform_at(base, 2 * j + 1) < conversion[j]) {
        j++;
        reached[j] += 1;
        if (j == S) {
          won = 1;
          break;
        }
        double d = exp(mu[j] + sigma[j] * normal_quantile(uniform_at(base, 2 * j)));
        stay[j] = cost_per_day[j] * d + entry_cost[j];
        cost[j] += stay[j];
        add_spend(spend, quarter_of_day, quarter_end, H, horizon_days, time, time + d, cost_per_day[j], entry_cost[j]);
        time += d;
      }
      if (!won) {
        for (int m = k; m <= j; m++) lost_cost[m] += stay[m];
        continue;
      }
      int day = (int)floor(time);
      int q = 0;
      while (q < H && day >= quarter_end[q]) q++;
      row[q] += amount[i];
      quarter_wins[q] += 1;
      int bin = day < horizon_days ? day : horizon_days + (day - horizon_days) / 7;
      histogram[(size_t)i * bins + (bin < bins - 1 ? bin : bins - 1)] += 1;
      wins += 1;
    }
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
  clock_gettime(CLOCK_MONOTONIC, &wall_end);
  double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) * 1e-9;
  double wall = (double)(wall_end.tv_sec - wall_start.tv_sec) + (double)(wall_end.tv_nsec - wall_start.tv_nsec) * 1e-9;
  double first_quarter = 0, all_cost = 0, all_lost = 0, closed = 0, won_reached = reached[S];
  for (int t = 0; t < trials; t++) first_quarter += bookings[(size_t)t * columns];
  for (int j = 0; j < S; j++) all_cost += cost[j], all_lost += lost_cost[j];
  for (size_t b = 0; b < (size_t)N * bins; b++) closed += histogram[b];
  for (int q = 0; q <= H; q++) closed -= quarter_wins[q];
  /* Every counter is read, so none of the work is optimized away: each win is in one histogram bin and one quarter. */
  if (closed != 0 || won_reached != wins) fail("the counts disagree");
  printf("seconds=%.4f q0mean=%.2f wins=%.4f cost=%.2f spend0=%.2f wall=%.4f lost=%.2f\n", seconds, first_quarter / trials,
         wins / trials, all_cost / trials, spend[0] / trials, wall, all_lost / trials);
  return 0;
}
