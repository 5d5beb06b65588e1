using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>What <see cref="TemporalClient.CountWorkflowsAsync"/> reports.</summary>
    public sealed class WorkflowExecutionCount
    {
        internal WorkflowExecutionCount(Dictionary<string, object> json)
        {
            Count = json.GetLong("count") ?? 0;
            var groups = new List<AggregationGroup>();
            foreach (var group in json.GetList("groups"))
            {
                groups.Add(new AggregationGroup((Dictionary<string, object>)group));
            }
            Groups = groups;
        }

        /// <summary>How many workflow runs matched the query.</summary>
        public long Count { get; private set; }

        /// <summary>One group per distinct value of a <c>GROUP BY</c> query; empty without <c>GROUP BY</c>.</summary>
        public IReadOnlyList<AggregationGroup> Groups { get; private set; }

        /// <summary>One group of a <c>GROUP BY</c> count.</summary>
        public sealed class AggregationGroup
        {
            internal AggregationGroup(Dictionary<string, object> json)
            {
                Count = json.GetLong("count") ?? 0;
                GroupValues = json.GetList("values");
            }

            /// <summary>How many runs are in the group.</summary>
            public long Count { get; private set; }

            /// <summary>The grouped values, e.g. <c>["Running"]</c> for <c>GROUP BY ExecutionStatus</c> (strings, numbers or booleans).</summary>
            public IReadOnlyList<object> GroupValues { get; private set; }
        }
    }
}
