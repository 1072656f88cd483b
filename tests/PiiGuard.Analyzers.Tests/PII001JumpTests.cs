using System.Threading.Tasks;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>
/// PII001 through jump statements: break, continue, return, throw, goto (forward, backward, case, default), yield break,
/// and the finally blocks they pass through. Each behaviour has a positive case (the jump carries the data to its target)
/// and a negative one (the state at the jump does not reach the code after the jump's branch).
/// </summary>
public class PII001JumpTests
{
    private static Task Verify(string body) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source);

    // ------------------------------------------------------------------ continue

    [Fact]
    public Task Continue_CarriesTheValueToTheNextIteration_Foreach() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var c in customers)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
                if (c.Tier == "vip") { s = c.Email; continue; }
                s = "clean";
            }
        }
        """);

    [Fact]
    public Task Continue_CarriesTheValueToTheNextIteration_For() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            for (int i = 0; i < 10; i++)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
                if (i % 2 == 0) { s = c.Email; continue; }
                s = "clean";
            }
        }
        """);

    [Fact]
    public Task Continue_CarriesTheValueToTheNextIteration_While() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = "clean";
            while (more())
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
                if (c.Id > 0) { s = c.Email; continue; }
                s = "clean";
            }
        }
        """);

    [Fact]
    public Task Continue_CarriesTheValueToTheNextIteration_Do() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = "clean";
            do
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
                if (c.Id > 0) { s = c.Email; continue; }
                s = "clean";
            }
            while (more());
        }
        """);

    [Fact]
    public Task Continue_CarriesTheValueToTheConditionOfADoLoop() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            do
            {
                if (c.Id > 0) { s = c.Email; continue; }
                s = "clean";
            }
            while (Log(logger, {|PII001:s|}));
        }

        static bool Log(ILogger logger, string s) { logger.LogInformation("Value {Value}", s); return true; }
        """);

    [Fact]
    public Task Continue_StateDoesNotReachTheRestOfTheBody() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            foreach (var c in customers)
            {
                string s = "clean";
                if (c.Tier == "vip") { s = c.Email; continue; }
                logger.LogInformation("Value {Value}", s);
            }
        }
        """);

    [Fact]
    public Task Continue_StateDoesNotReachTheRestOfTheBody_Do() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            do
            {
                string s = "clean";
                if (c.Id > 0) { s = c.Email; continue; }
                logger.LogInformation("Value {Value}", s);
            }
            while (more());
        }
        """);

    // ------------------------------------------------------------------ break

    [Fact]
    public Task Break_SkipsALaterCleanOverwrite_While() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = "clean";
            while (more())
            {
                s = c.Email;
                if (c.Id > 0) break;
                s = "";
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Break_SkipsALaterCleanOverwrite_Foreach() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var c in customers)
            {
                s = c.Email;
                if (c.Tier == "vip") { break; }
                s = "";
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Break_SkipsALaterCleanOverwrite_DoWhile() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s;
            do
            {
                s = c.Email;
                if (c.Id > 0) break;
                s = "";
            }
            while (more());

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Break_OutOfAnEndlessLoop_CarriesTheValue() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> done)
        {
            string s = "clean";
            for (;;)
            {
                s = c.Email;
                if (done()) break;
                s = "";
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Break_StateDoesNotReachTheRestOfTheBody() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = "clean";
            while (more())
            {
                if (c.Id > 0) { s = c.Email; break; }
                logger.LogInformation("Value {Value}", s);
            }
        }
        """);

    [Fact]
    public Task EndlessLoop_IsLeftOnlyByItsBreaks() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> done)
        {
            string s = c.Email;
            while (true)
            {
                s = "";
                if (done()) break;
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task DoWhile_IsLeftAfterItsBody() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = c.Email;
            do
            {
                s = "";
            }
            while (more());

            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Break_InnerLoop_JoinsTheInnerLoopsExit() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            foreach (var a in customers)
            {
                string s = "clean";
                foreach (var b in customers)
                {
                    if (b.Id == a.Id) { s = b.Email; break; }
                }

                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Break_InnerLoop_DoesNotLeaveTheOuterLoop() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var a in customers)
            {
                foreach (var b in customers)
                {
                    s = b.Email;
                    break;
                }

                s = "clean";
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    // ------------------------------------------------------------------ goto out of nested loops (a labelled break)

    [Fact]
    public Task GotoOutOfNestedLoops_CarriesTheValue() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var a in customers)
            {
                foreach (var b in customers)
                {
                    s = b.Email;
                    if (a.Id == b.Id) goto found;
                    s = "clean";
                }
            }

            s = "none";
        found:
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task GotoOutOfNestedLoops_SkipsTheCodeInBetween() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var a in customers)
            {
                foreach (var b in customers)
                {
                    if (a.Id == b.Id) goto found;
                }
            }

            s = customers[0].Email;
            return;
        found:
            logger.LogInformation("Value {Value}", s);
        }
        """);

    // ------------------------------------------------------------------ return

    [Fact]
    public Task Return_InIf_StateDoesNotReachTheCodeAfter() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag) { s = c.Email; return; }
            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Return_InElse_TheOtherBranchStillReaches() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag) { s = c.Email; } else { return; }
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Return_InElse_StateDoesNotReachTheCodeAfter() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s;
            if (flag) { s = "clean"; } else { s = c.Email; return; }
            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Return_InBothBranches_CodeBeforeTheReturnIsStillChecked() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            if (flag) { logger.LogInformation("Value {Value}", {|PII001:c.Email|}); return; }
            else { return; }
        }
        """);

    [Fact]
    public Task Return_DeadCodeAfterAJump_IsStillChecked() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = c.Email;
            return;
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Return_OfTheValue_SummaryStillCarriesIt() => Verify("""
        void Run(ILogger logger, Customer c, bool flag) => logger.LogInformation("Value {Value}", {|PII001:Pick(c, flag)|});

        static string Pick(Customer c, bool flag)
        {
            if (flag) return c.Email;
            return "none";
        }
        """);

    // ------------------------------------------------------------------ throw

    [Fact]
    public Task Throw_StateDoesNotReachTheCodeAfter() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            if (c.Email.Length == 0) { s = c.Email; throw new InvalidOperationException("missing"); }
            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Throw_StateReachesTheCatch() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            try
            {
                if (c.Id > 0) { s = c.Email; throw new InvalidOperationException("no"); }
                s = "clean";
            }
            catch (InvalidOperationException)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Catch_IsEnteredFromTheEndOfTheBody() => Verify("""
        void Run(ILogger logger, Customer c, Action act)
        {
            string s = "clean";
            try
            {
                s = c.Email;
                act();
            }
            catch (Exception)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Catch_SeesAValueOverwrittenLaterInTheBody() => Verify("""
        void Run(ILogger logger, Customer c, Action call)
        {
            string s = "clean";
            try
            {
                s = c.Email;
                call();
                s = "clean";
            }
            catch (Exception)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Finally_SeesAValueOverwrittenLaterInTheBody_NestedTry() => Verify("""
        void Run(ILogger logger, Customer c, Action call)
        {
            string s = "clean";
            try
            {
                try
                {
                    s = c.Phone;
                    call();
                }
                finally
                {
                    s = "clean";
                }

                s = c.Email;
                call();
                s = "clean";
            }
            finally
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Catch_SeesAValueThatPersistsAfterAnInnerCatchAll() => Verify("""
        void Run(ILogger logger, Customer c, Action call)
        {
            string s = "clean";
            try
            {
                try
                {
                    s = c.Email;
                }
                catch (Exception)
                {
                }

                call();
                s = "clean";
            }
            catch (Exception)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Catch_OnlyCleanValuesWrittenInTheBody_IsClean() => Verify("""
        void Run(ILogger logger, Customer c, Action call)
        {
            string s = "clean";
            try
            {
                s = c.Tier;
                call();
                s = "done";
            }
            catch (Exception)
            {
                logger.LogInformation("Value {Value}", s);
            }
        }
        """);

    [Fact]
    public Task Catch_ThatRethrows_StateDoesNotReachTheCodeAfter() => Verify("""
        void Run(ILogger logger, Customer c, Action act)
        {
            string s = "clean";
            try
            {
                act();
            }
            catch (Exception)
            {
                s = c.Email;
                throw;
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    // ------------------------------------------------------------------ goto

    [Fact]
    public Task GotoForward_SkipsACleanOverwrite() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = c.Email;
            if (flag) goto done;
            s = "";
        done:
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task GotoForward_SkipsATaintingAssignment() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag) { goto done; }
            else { goto done; }
            s = c.Email;
        done:
            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task GotoBackward_CarriesTheValueToTheLabel() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> again)
        {
            string s = "clean";
        retry:
            logger.LogInformation("Value {Value}", {|PII001:s|});
            s = c.Email;
            if (again()) goto retry;
        }
        """);

    [Fact]
    public Task GotoBackward_FromANestedBlock_CarriesTheValueToTheLabel() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            int attempts = 0;
        retry:
            logger.LogInformation("Value {Value}", {|PII001:s|});
            foreach (var c in customers)
            {
                if (c.Id == attempts) { s = c.Phone; attempts++; goto retry; }
            }
        }
        """);

    [Fact]
    public Task GotoBackward_WithACleanValue_IsClean() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> again)
        {
            string s = "clean";
        retry:
            logger.LogInformation("Value {Value}", s);
            s = c.Email;
            if (again()) { s = "clean"; goto retry; }
            s = "clean";
            goto retry;
        }
        """);

    [Fact]
    public Task GotoBackward_ToTheSecondOfTwoLabels() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> again)
        {
            string s = "clean";
        first:
        second:
            logger.LogInformation("Value {Value}", {|PII001:s|});
            s = c.Email;
            if (again()) goto second;
            s = "clean";
            if (again()) goto first;
        }
        """);

    [Fact]
    public Task GotoOutOfATry_PassesThroughTheFinally() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            try
            {
                if (flag) goto done;
                s = "other";
            }
            finally
            {
                s = c.Email;
            }

            s = "clean";
        done:
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    // ------------------------------------------------------------------ switch

    [Fact]
    public Task Switch_Break_JoinsTheExit() => Verify("""
        void Run(ILogger logger, Customer c, int kind)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                    s = c.Email;
                    break;
                case 2:
                    s = "";
                    break;
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Switch_SectionThatReturns_DoesNotReachTheExit() => Verify("""
        void Run(ILogger logger, Customer c, int kind)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                    s = c.Email;
                    return;
                default:
                    s = "";
                    break;
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Switch_BreakInALoop_LeavesTheSwitchOnly() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var c in customers)
            {
                switch (c.Id)
                {
                    case 1:
                        s = c.Email;
                        break;
                    default:
                        continue;
                }

                logger.LogInformation("Value {Value}", {|PII001:s|});
                s = "clean";
            }
        }
        """);

    [Fact]
    public Task Switch_GotoCase_CarriesTheValueToTheSection() => Verify("""
        void Run(ILogger logger, Customer c, int kind)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                    s = c.Email;
                    goto case 2;
                case 2:
                    logger.LogInformation("Value {Value}", {|PII001:s|});
                    break;
            }
        }
        """);

    [Fact]
    public Task Switch_GotoCaseBackward_CarriesTheValueToTheSection() => Verify("""
        void Run(ILogger logger, Customer c, int kind)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                    logger.LogInformation("Value {Value}", {|PII001:s|});
                    break;
                case 2:
                    s = c.Email;
                    goto case 1;
            }
        }
        """);

    [Fact]
    public Task Switch_GotoDefault_CarriesTheValueToTheSection() => Verify("""
        void Run(ILogger logger, Customer c, int kind)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                    s = c.Phone;
                    goto default;
                default:
                    logger.LogInformation("Value {Value}", {|PII001:s|});
                    break;
            }
        }
        """);

    [Fact]
    public Task Switch_GotoCase_WithACleanValue_IsClean() => Verify("""
        void Run(ILogger logger, Customer c, int kind)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                    s = c.Email;
                    s = "";
                    goto case 2;
                case 2:
                    logger.LogInformation("Value {Value}", s);
                    break;
                case 3:
                    s = c.Email;
                    return;
            }
        }
        """);

    [Fact]
    public Task Switch_GotoBackToALabelInAnEarlierSection_CarriesTheValue() => Verify("""
        void Run(ILogger logger, Customer c, int kind, Func<bool> again)
        {
            string s = "clean";
            switch (kind)
            {
                case 1:
                retry:
                    logger.LogInformation("Value {Value}", {|PII001:s|});
                    break;
                case 2:
                    s = c.Email;
                    if (again()) goto retry;
                    break;
            }
        }
        """);

    // ------------------------------------------------------------------ try/finally

    [Fact]
    public Task Finally_RunsOnReturn() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            try
            {
                s = c.Email;
                return;
            }
            finally
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Finally_ReturnStateDoesNotReachTheCodeAfter() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            try
            {
                if (flag) { s = c.Email; return; }
            }
            finally
            {
                Console.WriteLine("done");
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Finally_AssignmentReachesTheBreaksTarget() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = "clean";
            while (more())
            {
                try
                {
                    break;
                }
                finally
                {
                    s = c.Email;
                }
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Finally_CleanAssignmentClearsTheBreaksState() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> more)
        {
            string s = "clean";
            while (more())
            {
                try
                {
                    s = c.Email;
                    if (c.Id > 0) break;
                }
                finally
                {
                    s = "";
                }
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Finally_NestedFinallyBlocks_RunOnReturn() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            try
            {
                try
                {
                    s = c.Email;
                    return;
                }
                finally
                {
                    Console.WriteLine("inner");
                }
            }
            finally
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Catch_IsEnteredFromAReturnInTheBody() => Verify("""
        void Run(ILogger logger, Customer c, Func<bool> done)
        {
            string s = "clean";
            try
            {
                s = c.Email;
                if (done()) return;
                s = "";
            }
            catch (Exception)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Throw_NotCaughtByATypedCatch_ReachesTheOuterCatch() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            try
            {
                try
                {
                    if (c.Id > 0) { s = c.Email; throw new ArgumentException("no"); }
                    s = "clean";
                }
                catch (InvalidOperationException)
                {
                    s = "clean";
                }
            }
            catch (ArgumentException)
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Throw_CaughtByACatchAll_DoesNotReachTheOuterCatch() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            try
            {
                try
                {
                    if (c.Id > 0) { s = c.Email; throw new ArgumentException("no"); }
                }
                catch (Exception)
                {
                    s = "clean";
                }
            }
            catch (ArgumentException)
            {
                logger.LogInformation("Value {Value}", s);
            }
        }
        """);

    [Fact]
    public Task Finally_SeesTheStateBeforeTheTry_ForAnException() => Verify("""
        void Run(ILogger logger, Customer c, Action act)
        {
            string s = c.Email;
            try
            {
                act();
                s = "clean";
            }
            finally
            {
                logger.LogInformation("Value {Value}", {|PII001:s|});
            }
        }
        """);

    [Fact]
    public Task Finally_NormalPathKeepsItsOwnState() => Verify("""
        void Run(ILogger logger, Customer c, Action act)
        {
            string s = c.Email;
            try
            {
                act();
                s = "clean";
            }
            finally
            {
                Console.WriteLine("done");
            }

            logger.LogInformation("Value {Value}", s);
        }
        """);

    // ------------------------------------------------------------------ lambdas and local functions

    [Fact]
    public Task Lambda_ReturnDoesNotEndTheEnclosingMethod() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag)
            {
                s = c.Email;
                Func<int, int> twice = n => { if (n < 0) return 0; return n * 2; };
                twice(1);
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Lambda_AssignmentBeforeItsReturn_ReachesTheCaptor() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            string s = "clean";
            Action capture = () => { s = c.Email; return; };
            capture();
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Lambda_EarlyReturn_StateDoesNotReachItsRest() => Verify("""
        void Run(ILogger logger, List<Customer> customers)
        {
            customers.ForEach(c =>
            {
                string s = "clean";
                if (c.Id > 0) { s = c.Email; return; }
                logger.LogInformation("Value {Value}", s);
            });
        }
        """);

    [Fact]
    public Task LocalFunction_ReturnDoesNotEndTheEnclosingMethod() => Verify("""
        void Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag)
            {
                s = c.Email;
                Check(c.Id);
            }

            logger.LogInformation("Value {Value}", {|PII001:s|});

            static void Check(int id)
            {
                if (id < 0) return;
                Console.WriteLine(id);
            }
        }
        """);

    [Fact]
    public Task LocalFunction_AfterTheReturn_IsAnalysedAsReachable() => Verify("""
        void Run(ILogger logger, Customer c)
        {
            Report();
            return;

            void Report()
            {
                string s = "clean";
                if (c.Id > 0) { s = c.Email; return; }
                logger.LogInformation("Value {Value}", s);
                logger.LogInformation("Value {Value}", {|PII001:c.Phone|});
            }
        }
        """);

    // ------------------------------------------------------------------ async and iterators

    [Fact]
    public Task Async_Return_StateDoesNotReachTheCodeAfter() => Verify("""
        async Task Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag) { s = c.Email; return; }
            await Task.Delay(1);
            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Async_ReturnInTheOtherBranch_KeepsTheValue() => Verify("""
        async Task<int> Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            await Task.Delay(1);
            if (flag) { s = c.Email; } else { return 0; }
            logger.LogInformation("Value {Value}", {|PII001:s|});
            return 1;
        }
        """);

    [Fact]
    public Task Iterator_YieldReturn_DoesNotEndTheState() => Verify("""
        IEnumerable<int> Run(ILogger logger, Customer c)
        {
            string s = "clean";
            yield return 1;
            s = c.Email;
            yield return 2;
            logger.LogInformation("Value {Value}", {|PII001:s|});
        }
        """);

    [Fact]
    public Task Iterator_YieldBreak_StateDoesNotReachTheCodeAfter() => Verify("""
        IEnumerable<int> Run(ILogger logger, Customer c, bool flag)
        {
            string s = "clean";
            if (flag) { s = c.Email; yield break; }
            yield return 1;
            logger.LogInformation("Value {Value}", s);
        }
        """);

    [Fact]
    public Task Iterator_YieldBreakInALoop_LeavesTheLoop() => Verify("""
        IEnumerable<int> Run(ILogger logger, List<Customer> customers)
        {
            string s = "clean";
            foreach (var c in customers)
            {
                logger.LogInformation("Value {Value}", s);
                if (c.Id > 0) { s = c.Email; yield break; }
                yield return c.Id;
            }
        }
        """);
}
