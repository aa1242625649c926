corpus/062-checkin-needy-apologize-repeated-cpa.txt:3:3: warning: 'apologize for the repeated emails' sounds needy; cut it and show confidence instead: restate what you would bring to the role, politely and once. [FollowUp.Needy]
# exit 0
