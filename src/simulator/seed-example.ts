/** The request body of LivePerson's Metrics documentation example (the Metrics method page). */
export const SEED_EXAMPLE_BODY = {
  filters: {
    time: { from: 1591951787590, to: 1591955386814 },
    userTypes: ['HUMAN'],
  },
  groupBy: 'agentGroupId',
  responseSections: ['groupBy'],
  metricsToRetrieveCurrentValue: ['assigned_conversations', 'human_agent_load'],
  metricsToRetrieveByTime: [
    'avg_wait_time',
    'avg_time_to_response',
    'avg_wait_time_first_response',
    'avg_time_to_first_response_first_assignment',
    'closed_conversations',
  ],
};

/** A clock at which the example's window is the last hour, as in the documentation. */
export const SEED_EXAMPLE_NOW = 1591955400000;
