corpus/074-thankyou-repeat-the-the-swe.txt:3:15: error: 'the' is written twice in a row; delete one. [FollowUp.RepeatedWord]
# exit 1
