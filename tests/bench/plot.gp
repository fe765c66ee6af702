# make bench-plot: accuracy against throughput, a panel a program, tx's
# points from the last make bench (results.tsv) beside the peers measured
# in it or published (peers.tsv, with each figure's source).
#   gnuplot -e "results='...'; peers='...'; out='...'" tests/bench/plot.gp
set terminal svg size 1000,760 dynamic font "sans,11"
set output out
set datafile separator "\t"
set key off
set logscale x
set grid
set multiplot layout 2,2 title "tx against its peers: accuracy on ../shared dev data, MB/s on one core"
# tx's own points are those whose system is a tx program
tx(p) = strcol(1) eq p && strcol(2)[1:2] eq "tx"
peer(p) = strcol(1) eq p && strcol(2)[1:2] ne "tx"
progs = "txsplit txfix txstrip txner"
ylabels = "'sentence F1, UD EWT dev' 'joined-words F1, spacing dev' 'word F1, WCXB dev (CV)' 'micro F1, UNER EWT dev'"
do for [i = 1:4] {
	p = word(progs, i)
	set title p
	set xlabel "MB/s (log scale)"
	set ylabel word(ylabels, i)
	set offsets graph 0.15, graph 0.15, graph 0.1, graph 0.1
	plot results every ::1 using (tx(p) ? $4 : NaN):3 with points pt 7 ps 1.5 lc rgb "#1f5fa8", \
	     results every ::1 using (tx(p) ? $4 : NaN):3:2 with labels offset 0,1 tc rgb "#1f5fa8", \
	     results every ::1 using (peer(p) ? $4 : NaN):3 with points pt 5 ps 1.3 lc rgb "#b0452a", \
	     results every ::1 using (peer(p) ? $4 : NaN):3:2 with labels offset 0,-1 tc rgb "#b0452a", \
	     peers every ::1 using (strcol(1) eq p ? $4 : NaN):3 with points pt 5 ps 1.3 lc rgb "#b0452a", \
	     peers every ::1 using (strcol(1) eq p ? $4 : NaN):3:2 with labels offset 0,-1 tc rgb "#b0452a"
}
unset multiplot
