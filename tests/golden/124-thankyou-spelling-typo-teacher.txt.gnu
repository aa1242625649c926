corpus/124-thankyou-spelling-typo-teacher.txt:3:57: error: 'enviroment' looks misspelt; did you mean 'environment'? (suggestion: 'environment') [FollowUp.Spelling]
# exit 1
