/* A lean C baseline of EduFunds' Monte Carlo loop (issue 13), for comparing CPU per active
 * program-year. It reads the compiled district model that
 *   dotnet run -c Release --project bench/EduFunds.Benchmarks -- export-model model.txt
 * writes (planned amounts, draws per stream, need/minimum/schedule per program-year, tie-break
 * order, restricted targets per year) and runs the same loop: keyed SplitMix64 draws, ziggurat
 * normals and the IEEE-only exp of mapping version 2; restricted money split by need (largest
 * remainder); reserve first; the proportional policy with the stall fixpoint and the rescue;
 * shelving; and the tallies (first stall, shelved, ratio histogram, pool values). int64 minor
 * units, flat arrays, one allocation per thread. Proportional policy, no scenarios or trends.
 * Build: cc -O2 -ffp-contract=off -o district_loop district_loop.c -lpthread -lm
 * Run:   ./district_loop model.txt RUNS THREADS [SEED]
 * It prints the checksum of the first 200 runs (the exporter prints the .NET one) and the CPU time. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
#include <pthread.h>
#include <stdatomic.h>

typedef int64_t i64; typedef uint64_t u64;
static const u64 GAMMA = 0x9E3779B97F4A7C15ULL, YEAR_GAMMA = 0xD1B54A32D192ED03ULL;
static inline u64 mix(u64 z) { z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL; z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL; return z ^ (z >> 31); }

/* DeterministicMath.Exp and Log, operation for operation. */
static const double LN2HI = 6.93147180369123816490e-01, LN2LO = 1.90821492927058770002e-10, INVLN2 = 1.44269504088896338700e+00;
static inline double pow2(int k) { u64 b = (u64)(i64)(1023 + k) << 52; double d; memcpy(&d, &b, 8); return d; }
static inline double dexp(double x) {
    if (!(x > -745.0)) return isnan(x) ? x : 0.0;
    if (x > 709.78) return INFINITY;
    double k = nearbyint(x * INVLN2), r = (x - k * LN2HI) - k * LN2LO;
    double p = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720 + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800 + r * (1.0 / 39916800 + r * (1.0 / 479001600 + r * (1.0 / 6227020800)))))))))))));
    int ki = (int)k;
    if (ki > 1023) { p *= pow2(1023); ki -= 1023; } else if (ki < -1000) { p *= pow2(-1000); ki += 1000; }
    return p * pow2(ki);
}
static double dlog(double x) {
    if (!(x > 0.0)) return x == 0.0 ? -INFINITY : NAN;
    int e = 0; if (x < 4.9406564584124654e-324 * 9007199254740992.0) { x *= 18014398509481984.0; e = -54; }
    u64 b; memcpy(&b, &x, 8); e += (int)((b >> 52) & 0x7FF) - 1023;
    b = (b & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL; double m; memcpy(&m, &b, 8);
    if (m > 1.4142135623730951) { m *= 0.5; e++; }
    double f = (m - 1.0) / (m + 1.0), f2 = f * f;
    double s = f2 * (1.0 / 3 + f2 * (1.0 / 5 + f2 * (1.0 / 7 + f2 * (1.0 / 9 + f2 * (1.0 / 11 + f2 * (1.0 / 13 + f2 * (1.0 / 15 + f2 * (1.0 / 17 + f2 * (1.0 / 19 + f2 * (1.0 / 21 + f2 * (1.0 / 23)))))))))));
    double lnm = 2.0 * f + 2.0 * f * s;
    return (e * LN2HI + lnm) + e * LN2LO;
}

/* Ziggurat (128 layers), as Ziggurat.cs. */
#define LAYERS 128
static const double ZR = 3.442619855899, ZV = 9.91256303526217e-3, TWO53 = 1.0 / 9007199254740992.0;
static double ZX[LAYERS + 1], ZRATIO[LAYERS];
static void ziggurat_init(void) {
    double f = dexp(-0.5 * ZR * ZR); ZX[0] = ZV / f; ZX[1] = ZR;
    for (int i = 2; i < LAYERS; i++) { ZX[i] = sqrt(-2.0 * dlog(ZV / ZX[i - 1] + f)); f = dexp(-0.5 * ZX[i] * ZX[i]); }
    ZX[LAYERS] = 0.0;
    for (int i = 0; i < LAYERS; i++) ZRATIO[i] = ZX[i + 1] / ZX[i];
}
static inline u64 next(u64 *s) { *s += GAMMA; return mix(*s); }
static inline double uniform01(u64 *s) { return ((next(s) >> 11) + 1) * TWO53; }
static double normal_slow(u64 *s, int i, double u) {
    for (;;) {
        if (i == 0) { double x, y; do { x = dlog(uniform01(s)) / ZR; y = dlog(uniform01(s)); } while (-2.0 * y < x * x); return u < 0 ? x - ZR : ZR - x; }
        double c = u * ZX[i], f0 = dexp(-0.5 * (ZX[i] * ZX[i] - c * c)), f1 = dexp(-0.5 * (ZX[i + 1] * ZX[i + 1] - c * c));
        if (f1 + uniform01(s) * (f0 - f1) < 1.0) return c;
        u64 bits = next(s); i = (int)(bits & (LAYERS - 1)); u = 2.0 * ((bits >> 11) * TWO53) - 1.0;
        if (fabs(u) < ZRATIO[i]) return u * ZX[i];
    }
}
static inline double normal(u64 *s) {
    u64 bits = next(s); int i = (int)(bits & (LAYERS - 1)); double u = 2.0 * ((bits >> 11) * TWO53) - 1.0;
    if (fabs(u) < ZRATIO[i]) return u * ZX[i];
    return normal_slow(s, i, u);
}

/* The model. */
typedef struct { int draws, recurring, start, first, last; u64 key; double q, sigma, mu; } Plan;
static int Y, S, P, SHELVE, CARRY, HALFEVEN, FIRSTYEAR, MAXT;
static i64 *planned, *need, *minimum; static char *scheduled; static int *order, *tcount, *targets, *endyear; static Plan *plans;
static i64 rd(FILE *f) { long long v; if (fscanf(f, "%lld", &v) != 1) { fprintf(stderr, "bad model file\n"); exit(2); } return v; }
static void load(const char *path) {
    FILE *f = fopen(path, "r"); if (!f) { perror(path); exit(2); }
    Y = rd(f); S = rd(f); P = rd(f); SHELVE = rd(f); CARRY = rd(f); HALFEVEN = rd(f); FIRSTYEAR = rd(f); MAXT = rd(f);
    planned = malloc(sizeof(i64) * Y * S); for (int i = 0; i < Y * S; i++) planned[i] = rd(f);
    plans = malloc(sizeof(Plan) * S);
    for (int s = 0; s < S; s++) {
        Plan *p = &plans[s]; i64 q, sg, mu;
        p->draws = rd(f); p->key = (u64)rd(f); p->recurring = rd(f); p->start = rd(f); p->first = rd(f); p->last = rd(f);
        q = rd(f); sg = rd(f); mu = rd(f); memcpy(&p->q, &q, 8); memcpy(&p->sigma, &sg, 8); memcpy(&p->mu, &mu, 8);
    }
    int cells = Y * P; scheduled = malloc(cells); need = malloc(8 * cells); minimum = malloc(8 * cells); order = malloc(4 * cells);
    for (int i = 0; i < cells; i++) scheduled[i] = (char)rd(f);
    for (int i = 0; i < cells; i++) need[i] = rd(f);
    for (int i = 0; i < cells; i++) minimum[i] = rd(f);
    for (int i = 0; i < cells; i++) order[i] = rd(f);
    tcount = malloc(4 * Y * S); for (int i = 0; i < Y * S; i++) tcount[i] = rd(f);
    targets = malloc(4 * (size_t)Y * S * MAXT + 4); for (int i = 0; i < Y * S * MAXT; i++) targets[i] = rd(f);
    endyear = malloc(4 * P); for (int i = 0; i < P; i++) endyear[i] = rd(f);
    fclose(f);
}

/* One thread's buffers and tallies. */
typedef struct { i64 reserve, received, used, applied, secured, share; int stalls; char shelved, stalled; } State;
typedef struct {
    i64 *amounts; State *st; int *firststall, *shelvedat, *cp, *active; i64 *rem, *sf, *fl, *rr, *parts, *prem;
    char *status; i64 *funded, *needout, *pool;
    int *t_first, *t_shelved, *t_stalledprogs, *t_hist, *t_zero, *t_full; i64 *t_poolvals; long t_runs, t_poolcap;
} Worker;
enum { INACTIVE, FUNDED, UNDERFUNDED, STALLED, SHELVED };

static inline i64 roundm(double v) { return (i64)(HALFEVEN ? nearbyint(v) : round(v)); }
static void fill(u64 seed, u64 run, i64 *a) {
    memcpy(a, planned, sizeof(i64) * Y * S);
    u64 runkey = mix(mix(seed + GAMMA) ^ (run + GAMMA * 3));
    for (int s = 0; s < S; s++) {
        const Plan *pl = &plans[s]; if (!pl->draws) continue;
        u64 srk = mix(runkey ^ pl->key); int alive = 1;
        for (int y = pl->first, i = pl->first * S + s; y <= pl->last; y++, i += S) {
            int year = FIRSTYEAR + y; u64 state = mix(srk + (u64)(i64)year * YEAR_GAMMA);
            double u = (mix(state + GAMMA) >> 11) * TWO53;
            if (pl->recurring) { if (alive && year > pl->start && pl->q < 1.0 && u >= pl->q) alive = 0; if (!alive) { a[i] = 0; continue; } }
            else if (pl->q < 1.0 && u >= pl->q) { a[i] = 0; continue; }
            i64 amount = a[i]; if (amount == 0 || !(pl->sigma > 0.0)) continue;
            u64 ns = state + GAMMA; double factor = dexp(pl->mu + pl->sigma * normal(&ns));
            if (factor != 1.0) a[i] = roundm(amount * factor);
        }
    }
}

static void select_largest(i64 *k, int n, int count) {
    int target = n - count, lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2; i64 t;
        if (k[mid] < k[lo]) { t = k[mid]; k[mid] = k[lo]; k[lo] = t; }
        if (k[hi] < k[lo]) { t = k[hi]; k[hi] = k[lo]; k[lo] = t; }
        if (k[hi] < k[mid]) { t = k[hi]; k[hi] = k[mid]; k[mid] = t; }
        i64 pv = k[mid]; int i = lo, j = hi;
        while (i <= j) { while (k[i] < pv) i++; while (k[j] > pv) j--; if (i <= j) { t = k[i]; k[i] = k[j]; k[j] = t; i++; j--; } }
        if (target <= j) hi = j; else if (target >= i) lo = i; else return;
    }
}
/* Largest remainder: floors in parts, remainders in rem (n small or large), left units to give. */
static void give_leftover(i64 *parts, i64 *rem, int n, i64 left) {
    if (left <= 0) return;
    for (int i = 0; i < n; i++) rem[i] = rem[i] * n + (n - 1 - i);
    select_largest(rem, n, (int)left);
    for (int k = n - (int)left; k < n; k++) parts[n - 1 - (int)(rem[k] % n)]++;
}

static void project(Worker *w) {
    State *st = w->st; i64 carry = 0;
    memset(st, 0, sizeof(State) * P);
    for (int p = 0; p < P; p++) w->firststall[p] = w->shelvedat[p] = -1;
    for (int y = 0; y < Y; y++) {
        int row = y * P; i64 unrestricted = 0;
        for (int p = 0; p < P; p++) st[p].received = 0;
        const i64 *arow = w->amounts + (size_t)y * S; const int *crow = tcount + (size_t)y * S;
        for (int s = 0; s < S; s++) {
            i64 amount = arow[s]; if (amount <= 0) continue;
            int c = crow[s]; if (c < 0) { unrestricted += amount; continue; }
            int n = 0; const int *tl = targets + ((size_t)y * S + s) * MAXT;
            for (int t = 0; t < c; t++) if (!st[tl[t]].shelved) w->active[n++] = tl[t];
            if (n == 0) continue;
            if (n == 1) { st[w->active[0]].received += amount; continue; }
            i64 total = 0; for (int t = 0; t < n; t++) total += need[row + w->active[t]];
            i64 left = amount;
            for (int t = 0; t < n; t++) { i64 num = amount * need[row + w->active[t]]; w->parts[t] = num / total; w->prem[t] = num % total; left -= w->parts[t]; }
            give_leftover(w->parts, w->prem, n, left);
            for (int t = 0; t < n; t++) st[w->active[t]].received += w->parts[t];
        }
        /* Step 3 and the claimants. */
        int count = 0;
        for (int k = 0; k < P; k++) {
            int p = order[row + k]; State *s = &st[p]; s->stalled = 0; s->share = 0;
            if (!scheduled[row + p] || s->shelved) { s->used = s->applied = s->secured = 0; continue; }
            i64 n = need[row + p], u = s->reserve < n ? s->reserve : n, a = s->received < n - u ? s->received : n - u;
            s->used = u; s->applied = a; s->secured = u + a;
            if (n - s->secured > 0) { w->cp[count] = p; w->rem[count] = n - s->secured; w->sf[count] = minimum[row + p] - s->secured; count++; }
        }
        /* Steps 4-6: proportional, to the fixpoint. */
        i64 pool = unrestricted + carry, allocated;
        for (;;) {
            i64 total = 0; for (int i = 0; i < count; i++) total += w->rem[i];
            int kept = 0;
            if (pool >= total) {
                for (int i = 0; i < count; i++) { if (w->rem[i] < w->sf[i]) st[w->cp[i]].stalled = 1; else { w->cp[kept] = w->cp[i]; w->rem[kept] = w->rem[i]; w->sf[kept] = w->sf[i]; kept++; } }
                if (kept < count) { count = kept; continue; }
                for (int i = 0; i < count; i++) st[w->cp[i]].share = w->rem[i];
                allocated = total; break;
            }
            i64 given = 0; int undecided = 0, stalls = 0;
            for (int i = 0; i < count; i++) {
                i64 num = pool * w->rem[i]; w->fl[i] = num / total; w->rr[i] = num % total; given += w->fl[i];
                if (w->fl[i] < w->sf[i]) { if (w->fl[i] + 1 == w->sf[i] && w->rr[i] > 0) undecided = 1; else stalls = 1; }
            }
            if (!(stalls && !undecided)) give_leftover(w->fl, w->rr, count, pool - given);
            for (int i = 0; i < count; i++) { if (w->fl[i] < w->sf[i]) st[w->cp[i]].stalled = 1; else { w->cp[kept] = w->cp[i]; w->rem[kept] = w->rem[i]; w->sf[kept] = w->sf[i]; w->fl[kept] = w->fl[i]; kept++; } }
            if (kept < count) { count = kept; continue; }
            for (int i = 0; i < count; i++) st[w->cp[i]].share = w->fl[i];
            allocated = pool; break;
        }
        /* Step 7: rescue. */
        i64 leftover = pool - allocated;
        for (int k = 0; k < P && leftover > 0; k++) {
            int p = order[row + k]; State *s = &st[p]; if (!s->stalled) continue;
            if (leftover >= minimum[row + p] - s->secured) { i64 g = need[row + p] - s->secured; if (g > leftover) g = leftover; s->share = g; allocated += g; leftover -= g; s->stalled = 0; }
        }
        /* Step 8. */
        for (int p = 0; p < P; p++) {
            State *s = &st[p]; int cell = row + p; i64 after;
            if (s->shelved || !scheduled[cell]) { w->status[cell] = scheduled[cell] ? SHELVED : INACTIVE; w->needout[cell] = 0; w->funded[cell] = 0; continue; }
            w->needout[cell] = need[cell];
            if (s->stalled) {
                after = s->reserve + s->received; w->status[cell] = STALLED; w->funded[cell] = 0; s->stalls++;
                if (w->firststall[p] < 0) w->firststall[p] = y;
                if (SHELVE > 0 && s->stalls >= SHELVE) { s->shelved = 1; w->shelvedat[p] = y; }
            } else {
                i64 f = s->secured + s->share; after = s->reserve - s->used + s->received - s->applied;
                w->status[cell] = f == need[cell] ? FUNDED : UNDERFUNDED; w->funded[cell] = f; s->stalls = 0;
            }
            if (s->shelved || endyear[p] == y) after = 0;
            s->reserve = after;
        }
        w->pool[y] = pool; carry = CARRY ? pool - allocated : 0;
    }
}

static void tally(Worker *w) {
    int stalled = 0;
    for (int p = 0; p < P; p++) {
        int f = w->firststall[p]; if (f >= 0) stalled++;
        w->t_first[p * (Y + 1) + (f >= 0 ? f : Y)]++;
        int s = w->shelvedat[p]; w->t_shelved[p * (Y + 1) + (s >= 0 ? s : Y)]++;
    }
    w->t_stalledprogs[stalled]++;
    for (int i = 0; i < Y * P; i++) {
        char s = w->status[i]; if (s == INACTIVE) continue;
        if (s == STALLED || s == SHELVED) { w->t_zero[i]++; continue; }
        i64 f = w->funded[i], n = w->needout[i];
        if (f >= n) w->t_full[i]++; else if (f <= 0) w->t_zero[i]++;
        else w->t_hist[(size_t)i * 1001 + (f * 2000 + n) / (2 * n)]++;
    }
    if ((w->t_runs + 1) * Y > w->t_poolcap) { w->t_poolcap = 2 * (w->t_runs + 1) * Y; w->t_poolvals = realloc(w->t_poolvals, 8 * w->t_poolcap); }
    memcpy(w->t_poolvals + w->t_runs * Y, w->pool, 8 * Y); w->t_runs++;
}

static Worker *worker_new(void) {
    Worker *w = calloc(1, sizeof(Worker)); int c = Y * P;
    w->amounts = malloc(8 * (size_t)Y * S); w->st = malloc(sizeof(State) * P); w->firststall = malloc(4 * P); w->shelvedat = malloc(4 * P);
    w->cp = malloc(4 * P); w->active = malloc(4 * (MAXT + 1)); w->rem = malloc(8 * P); w->sf = malloc(8 * P); w->fl = malloc(8 * P); w->rr = malloc(8 * P);
    w->parts = malloc(8 * (MAXT + 1)); w->prem = malloc(8 * (MAXT + 1)); w->status = malloc(c); w->funded = malloc(8 * c); w->needout = malloc(8 * c); w->pool = malloc(8 * Y);
    w->t_first = calloc(P * (Y + 1), 4); w->t_shelved = calloc(P * (Y + 1), 4); w->t_stalledprogs = calloc(P + 1, 4);
    w->t_hist = calloc((size_t)c * 1001, 4); w->t_zero = calloc(c, 4); w->t_full = calloc(c, 4);
    return w;
}

static long RUNS; static u64 SEED; static atomic_long nextchunk; static Worker **workers;
static void *work(void *arg) {
    Worker *w = arg;
    for (;;) {
        long chunk = atomic_fetch_add(&nextchunk, 1), start = chunk * 64; if (start >= RUNS) return NULL;
        long end = start + 64 < RUNS ? start + 64 : RUNS;
        for (long run = start; run < end; run++) { fill(SEED, (u64)run, w->amounts); project(w); tally(w); }
    }
}
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s model.txt RUNS THREADS [SEED]\n", argv[0]); return 2; }
    load(argv[1]); RUNS = atol(argv[2]); int threads = atoi(argv[3]); SEED = argc > 4 ? (u64)atoll(argv[4]) : 1;
    ziggurat_init();
    /* Checksum of the first 200 runs on one thread, as the exporter prints it. */
    Worker *c = worker_new(); long long stalls = 0, shelved = 0, funded = 0;
    for (long run = 0; run < 200; run++) {
        fill(SEED, (u64)run, c->amounts); project(c);
        for (int p = 0; p < P; p++) { stalls += c->firststall[p] >= 0; shelved += c->shelvedat[p] >= 0; }
        for (int i = 0; i < Y * P; i++) funded += c->funded[i];
    }
    printf("checksum over 200 runs (seed %llu): stalls %lld shelved %lld funded %lld\n", (unsigned long long)SEED, stalls, shelved, funded);
    long long active = 0;
    for (int i = 0; i < Y * P; i++) active += c->status[i] == FUNDED || c->status[i] == UNDERFUNDED || c->status[i] == STALLED;
    workers = malloc(sizeof(Worker *) * threads);
    for (int t = 0; t < threads; t++) workers[t] = worker_new();
    double t0 = cpu(); pthread_t *ids = malloc(sizeof(pthread_t) * threads);
    for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, work, workers[t]);
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    double t1 = cpu();
    /* Active program-years over all runs: counted again on one thread, outside the timing. */
    long long act = 0;
    for (long run = 0; run < RUNS; run++) { fill(SEED, (u64)run, c->amounts); project(c); for (int i = 0; i < Y * P; i++) act += c->status[i] == FUNDED || c->status[i] == UNDERFUNDED || c->status[i] == STALLED; }
    long never = 0; for (int t = 0; t < threads; t++) for (int p = 0; p < P; p++) never += workers[t]->t_first[p * (Y + 1) + Y];
    printf("%ld runs on %d threads: %.3f s CPU in the loop, %lld active program-years, %.1f ns CPU per active program-year (program-runs never stalling: %ld)\n",
           RUNS, threads, t1 - t0, act, (t1 - t0) * 1e9 / act, never);
    (void)active;
    return 0;
}
