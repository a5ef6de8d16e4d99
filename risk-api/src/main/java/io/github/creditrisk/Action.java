package io.github.creditrisk;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One thing a customer can do (or wait for) towards lifting a restriction; a {@link Way} is a set of them. The
 * vocabulary is fixed: each kind changes the borrower's profile, or the signals in force, in one stated way, and
 * {@link #applyTo(BorrowerProfile)} and {@link #applyTo(EvaluationContext)} make exactly that change, so that
 * anyone can check a way by deciding the changed borrower again.
 *
 * <p>Amounts are whole currency units. Lender names compare ignoring case, as in the policy. Recourse never
 * suggests taking on new credit.
 */
public sealed interface Action permits Action.LowerRepayments, Action.RaiseVerifiedIncome, Action.RepayLoans,
        Action.ClearArrears, Action.RecoverSales, Action.RecoverScore, Action.SignalEnds {

    /** The kinds of action, in the order ways list them. */
    enum Kind {
        LOWER_REPAYMENTS, RAISE_VERIFIED_INCOME, REPAY_LOANS, CLEAR_ARREARS, RECOVER_SALES, RECOVER_SCORE,
        SIGNAL_ENDS
    }

    /** What kind of action this is. */
    Kind kind();

    /** The borrower with this action done; the borrower itself for an action on the signals. */
    default BorrowerProfile applyTo(BorrowerProfile borrower) {
        return borrower;
    }

    /** The context with this action done; the context itself for an action on the borrower. */
    default EvaluationContext applyTo(EvaluationContext context) {
        return context;
    }

    /**
     * The monthly debt service (the payments of the active loans) brought to {@code target}: every active loan's
     * {@code monthlyPayment} is scaled by the same factor, so that they add up to {@code target} exactly.
     */
    record LowerRepayments(BigDecimal target) implements Action {
        /** The scale of a scaled payment; the last active loan with a payment takes the rounding remainder. */
        private static final int SCALE = 10;

        public LowerRepayments {
            target = wholeUnits(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.LOWER_REPAYMENTS;
        }

        /**
         * @throws InvalidValueException when the borrower has no active loan with a payment, so there is nothing
         *                               to scale
         */
        @Override
        public BorrowerProfile applyTo(BorrowerProfile borrower) {
            BigDecimal service = borrower.monthlyDebtService();
            if (service.signum() == 0) {
                throw new InvalidValueException("target", "cannot be reached by scaling repayments: borrower "
                        + borrower.id() + " has no active loan with a monthly payment");
            }
            int last = -1;
            for (int i = 0; i < borrower.loans().size(); i++) {
                Loan loan = borrower.loans().get(i);
                if (loan.isActive() && loan.monthlyPayment().signum() > 0) {
                    last = i;
                }
            }
            List<Loan> loans = new ArrayList<>(borrower.loans().size());
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < borrower.loans().size(); i++) {
                Loan loan = borrower.loans().get(i);
                if (!loan.isActive() || loan.monthlyPayment().signum() == 0) {
                    loans.add(loan);
                    continue;
                }
                BigDecimal payment = i == last ? target.subtract(sum)
                        : loan.monthlyPayment().multiply(target).divide(service, SCALE, RoundingMode.DOWN);
                sum = sum.add(payment);
                loans.add(new Loan(loan.lender(), loan.outstanding(), payment, loan.daysPastDue()));
            }
            return borrower.toBuilder().loans(loans).build();
        }
    }

    /** The verified {@code monthlyIncome} becomes {@code target}. */
    record RaiseVerifiedIncome(BigDecimal target) implements Action {
        public RaiseVerifiedIncome {
            target = wholeUnits(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.RAISE_VERIFIED_INCOME;
        }

        @Override
        public BorrowerProfile applyTo(BorrowerProfile borrower) {
            return borrower.toBuilder().monthlyIncome(target).build();
        }
    }

    /** The loans with these lenders repaid in full ({@code outstanding} 0); names sorted ignoring case. */
    record RepayLoans(List<String> lenders) implements Action {
        public RepayLoans {
            lenders = lenderNames(lenders);
        }

        @Override
        public Kind kind() {
            return Kind.REPAY_LOANS;
        }

        @Override
        public BorrowerProfile applyTo(BorrowerProfile borrower) {
            return withLoans(borrower, lenders, loan -> new Loan(loan.lender(), BigDecimal.ZERO, loan.monthlyPayment(),
                    loan.daysPastDue()));
        }
    }

    /** The overdue loans with these lenders brought up to date ({@code daysPastDue} 0); names sorted ignoring case. */
    record ClearArrears(List<String> lenders) implements Action {
        public ClearArrears {
            lenders = lenderNames(lenders);
        }

        @Override
        public Kind kind() {
            return Kind.CLEAR_ARREARS;
        }

        @Override
        public BorrowerProfile applyTo(BorrowerProfile borrower) {
            return withLoans(borrower, lenders, loan -> loan.overdueBy(0));
        }
    }

    /** {@code target} appended to {@code monthlyRevenue} as the newest month. */
    record RecoverSales(BigDecimal target) implements Action {
        public RecoverSales {
            target = wholeUnits(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.RECOVER_SALES;
        }

        @Override
        public BorrowerProfile applyTo(BorrowerProfile borrower) {
            List<BigDecimal> revenue = new ArrayList<>(borrower.monthlyRevenue());
            revenue.add(target);
            return borrower.toBuilder().monthlyRevenue(revenue).build();
        }
    }

    /** The {@code creditScore} becomes {@code target}, 300–950. */
    record RecoverScore(int target) implements Action {
        public RecoverScore {
            Checks.inRange(target, BorrowerProfile.MIN_SCORE, BorrowerProfile.MAX_SCORE, "target");
        }

        @Override
        public Kind kind() {
            return Kind.RECOVER_SCORE;
        }

        @Override
        public BorrowerProfile applyTo(BorrowerProfile borrower) {
            return borrower.toBuilder().creditScore(target).build();
        }
    }

    /**
     * The signal with id {@code signal} no longer applies: nothing for the customer to do but wait.
     *
     * @param signal the signal's id
     * @param until  the signal's last day; {@code null} when it is open-ended
     */
    record SignalEnds(String signal, @Nullable LocalDate until) implements Action {
        public SignalEnds {
            Checks.nonBlank(signal, "signal");
        }

        @Override
        public Kind kind() {
            return Kind.SIGNAL_ENDS;
        }

        @Override
        public EvaluationContext applyTo(EvaluationContext context) {
            List<Signal> remaining = new ArrayList<>(context.signals().size());
            for (Signal s : context.signals()) {
                if (!signal.equals(s.id())) {
                    remaining.add(s);
                }
            }
            return new EvaluationContext(context.asOf(), remaining, context.language(), context.recourse());
        }
    }

    private static BigDecimal wholeUnits(BigDecimal amount, String field) {
        Checks.nonNegative(amount, field);
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException(field, amount.toPlainString() + " is not a whole amount; targets are"
                    + " whole currency units");
        }
        return amount.setScale(0, RoundingMode.UNNECESSARY);
    }

    private static List<String> lenderNames(List<String> lenders) {
        List<String> list = Checks.listOf(lenders, "lenders");
        if (list.isEmpty()) {
            throw new InvalidValueException("lenders", "is empty; name at least one lender");
        }
        TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < list.size(); i++) {
            Checks.nonBlank(list.get(i), "lenders[" + i + "]");
            if (!sorted.add(list.get(i))) {
                throw new InvalidValueException("lenders", "names " + list.get(i) + " twice (names compare"
                        + " ignoring case)");
            }
        }
        return List.copyOf(sorted);
    }

    /** The borrower with {@code change} made to each of its loans with one of {@code lenders}. */
    private static BorrowerProfile withLoans(BorrowerProfile borrower, List<String> lenders, UnaryOperator<Loan> change) {
        List<Loan> loans = new ArrayList<>(borrower.loans().size());
        for (Loan loan : borrower.loans()) {
            loans.add(names(lenders, loan.lender()) ? change.apply(loan) : loan);
        }
        return borrower.toBuilder().loans(loans).build();
    }

    private static boolean names(List<String> lenders, String lender) {
        for (String name : lenders) {
            if (name.equalsIgnoreCase(lender)) {
                return true;
            }
        }
        return false;
    }
}
