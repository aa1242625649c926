corpus/077-thankyou-repeat-and-and-designer.txt:3:52: error: 'and' is written twice in a row; delete one. [FollowUp.RepeatedWord]
# exit 1
